/** The web page served by `govdraft serve`: 问答, 核查, 语料 and 草稿 in the browser. */
export { webRoutes } from './routes.tsx';
