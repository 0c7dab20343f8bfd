import { render } from 'preact';
import '@/components/theme.css';
import { localisePage } from '@/lib/i18n/page';
import './options.css';
import { App } from './App';

localisePage('page_title_options');
render(<App />, document.getElementById('app')!);
