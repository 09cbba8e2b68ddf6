import { render } from 'preact';
import { App } from './App';
import '../../components/page.css';
import './style.css';

render(<App requestId={decodeURIComponent(location.hash.slice(1))} />, document.getElementById('app')!);
