import { render } from 'preact';
import '@/components/theme.css';
import { localisePage } from '@/lib/i18n/page';
import './policy-print.css';
import { PolicyPrint } from './PolicyPrint';

localisePage('page_title_policy_print');
render(<PolicyPrint />, document.getElementById('app')!);
