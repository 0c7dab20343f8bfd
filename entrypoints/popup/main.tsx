import { render } from 'preact';
import '@/components/theme.css';
import { localisePage } from '@/lib/i18n/page';
import './popup.css';
import { App } from './App';
import { listenForItemKeys } from './item-keys';

localisePage('page_title_popup');
render(<App />, document.getElementById('app')!);
listenForItemKeys(document);
