// Vite asset imports the renderer uses; declared here because the web tsconfig loads no ambient types.
declare module '*?raw' {
  const text: string;
  export default text;
}
declare module '*.css';
