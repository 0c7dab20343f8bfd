/**
 * A sample client CSV to download from the options page: invented people, one per way a person
 * would fill the columns in (a profile address, a username, an @handle, a numeric Facebook id,
 * aliases, quotes in a name, a blank status that means current). Its rows all import: a unit test
 * reads it with the importer itself.
 */
export const SAMPLE_CLIENT_CSV = [
  'name,status,aliases,facebook,instagram,linkedin',
  'Alex Rivera,current,Alex R.; Lexi Rivera,https://www.facebook.com/alex.rivera.sample,@alexrivera.sample,https://www.linkedin.com/in/alex-rivera-sample/',
  'Morgan Ellery,former,,100000000000001,,',
  '"Jordan ""Jo"" Lee",current,Jo Lee,,jordan.lee.sample,jordan-lee-sample',
  'Sam Okonkwo-Hart,,,,,',
  '',
].join('\r\n');

export const SAMPLE_CLIENT_CSV_FILE = 'boundary-clients-sample.csv';
