// Side-effect module: registers <fazhi-analyzer>. Embedding takes two lines:
//
//   <script type="module" src="…/fazhi-analyzer-element-define.js"></script>
//   <fazhi-analyzer></fazhi-analyzer>
//
// For another tag name or a scoped registry, import FazhiAnalyzerElement from
// ./fazhi-analyzer-element.js and call FazhiAnalyzerElement.define(tag, registry) instead.

import { FazhiAnalyzerElement } from './fazhi-analyzer-element.js';

FazhiAnalyzerElement.define();

export { FazhiAnalyzerElement };
