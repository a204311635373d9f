// A generated province-scale workspace for the scaling benchmark: `units` communes, each assessed for 2024 against
// the core benchmarks' framework (150 leaves) with their assessments, in files of 1,000. Written under the system's
// temporary folder (never in the repository) and reused while it is there (delete the folder after changing this).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAssessment, benchFramework, benchRandom } from '../../core/bench/bench-framework.js';

/** Assessments per file: a district's or a province's batch, each file well under the CLI's 50 MiB limit. */
const PER_FILE = 1_000;

/** Writes (or reuses) a workspace of `units` communes and returns its `par.config.json`. */
export function generateWorkspace(units: number): string {
  const dir = join(tmpdir(), `par-bench-workspace-${units}`);
  const config = join(dir, 'par.config.json');
  if (existsSync(config)) return config; // written last: its presence means the workspace is complete
  mkdirSync(dir, { recursive: true });
  const random = benchRandom();
  const communes = Array.from({ length: units }, (_, u) => ({ id: `u${u}`, name: { vi: `Xã ${u}` }, kind: 'commune', parentId: 'p1', validFrom: '2020-01-01' }));
  writeFileSync(join(dir, 'units.json'), JSON.stringify({ units: [{ id: 'p1', name: { vi: 'Tỉnh' }, kind: 'province', validFrom: '2020-01-01' }, ...communes] }));
  writeFileSync(join(dir, 'framework.json'), JSON.stringify(benchFramework()));
  const files: string[] = [];
  for (let start = 0; start < units; start += PER_FILE) {
    const file = `assessments-${String(files.length).padStart(3, '0')}.json`;
    const batch = Array.from({ length: Math.min(PER_FILE, units - start) }, (_, k) => benchAssessment(start + k, random));
    writeFileSync(join(dir, file), JSON.stringify(batch));
    files.push(file);
  }
  writeFileSync(config, JSON.stringify({ units: 'units.json', frameworks: ['framework.json'], assessments: files }));
  return config;
}
