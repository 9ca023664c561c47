import { render } from 'preact';
import { App } from './app';
import './styles.css';
import './projects.css';
import './visibility.css';
import './sites.css';

render(<App />, document.getElementById('app')!);
