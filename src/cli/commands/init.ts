import path from 'node:path';
import { z } from 'zod';
import { formatStarterProject } from '../../core/project/starter-project.js';
import { writeFileIfAbsent } from '../../io/write-new-file.js';
import { defineAction, globalOptionShape, type CommandModule } from '../command-kit.js';

const Options = z.strictObject({ ...globalOptionShape });

const init: CommandModule = (cmd, ctx) => {
  cmd.description('scaffold a new project: qcode.yaml, a starter codebook, an example document, out/').argument('[dir]', 'project folder', '.');
  defineAction(cmd, ctx, Options, async (_opts, [dir = '.']) => {
    const root = path.resolve(ctx.io.cwd, dir);
    const written: string[] = [];
    const kept: string[] = [];
    // Not through the output helper: there is no study (and no manifest) yet,
    // and init never replaces anything, it only creates files where none is.
    for (const file of formatStarterProject(path.basename(root))) {
      const target = path.join(root, file.path);
      ((await writeFileIfAbsent(target, file.content)) ? written : kept).push(file.path);
    }
    if (ctx.global.json) ctx.outJson({ project: root, written, kept });
    else {
      for (const f of written) ctx.out(`created ${f}`);
      for (const f of kept) ctx.note(`kept existing ${f} (init never overwrites)`);
      ctx.note(`next: cd ${ctx.display(root) || '.'} && qcode validate && qcode segment`);
    }
  });
};

export default init;
