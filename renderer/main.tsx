import { createRoot } from 'react-dom/client';
import { request } from './api/client';

function App() {
  return <p>Lectern</p>;
}
void request;
createRoot(document.getElementById('root')!).render(<App />);
