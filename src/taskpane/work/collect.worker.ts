// 收集报送表's worker: the submitted workbooks read (xlsxCells.ts) away from the pane's thread (issue 21).
import { type CollectRequest, collectFiles } from '../roster/collectFiles';
import { serve } from './host';

serve((request: CollectRequest, answer) => collectFiles(request, (done, total) => answer.progress('files', done, total)));
