import { render } from 'preact';
import '@/components/theme.css';
import { localisePage } from '@/lib/i18n/page';
import './welcome.css';
import { Welcome } from './Welcome';

localisePage('page_title_welcome');
render(<Welcome />, document.getElementById('app')!);
