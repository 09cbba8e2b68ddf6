import { render } from 'preact';
import { App } from './App';
import '../../components/page.css';

render(<App />, document.getElementById('app')!);
