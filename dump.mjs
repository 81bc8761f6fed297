import { registerDynamicLanguage, parse } from '@ast-grep/napi';
import python from '@ast-grep/lang-python';
registerDynamicLanguage({ python });
const src = process.argv[2];
const walk = (n, d=0, f='') => { console.log(' '.repeat(d)+(f?f+': ':'')+n.kind()+(n.children().length?'':' '+JSON.stringify(n.text()))); for (const c of n.children()) { walk(c, d+1, ''); } };
walk(parse('python', src).root());
