/** The invented person previews are filled for, as a site would show their name. */
export const SAMPLE_PAGE_NAME = 'Alex Rivera';
