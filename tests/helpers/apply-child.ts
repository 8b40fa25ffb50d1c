// Crash child: opens the target in argv[2] and applies the crash batch (seq 2) built by
// crashBatch(); the parent SIGKILLs it at a random moment after it prints "go".
import '../../lib/polyfill.js';
import { applyBatchCrash } from './crash-batch.js';
import { openTarget } from './replica.js';

const t = await openTarget(process.argv[2]!);
await t.applier.beginBatch(2);
await t.applier.addOps(applyBatchCrash.ops());
process.stdout.write('go\n');
await t.applier.commitBatch();
process.stdout.write('done\n');
