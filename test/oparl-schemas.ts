/**
 * @module The OParl 1.1 JSON Schemas (../shared/oparl-schema/draft-07, outside the repository) in
 * one ajv for the tests: whether they are there (required under CI), and a validator by type.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

export const SCHEMAS = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/oparl-schema/draft-07');
export const HAVE_SCHEMAS = existsSync(SCHEMAS);
if (!HAVE_SCHEMAS) {
  if (process.env.REFERAT_REQUIRE_SHARED) throw new Error(`${SCHEMAS} is missing: the OParl schemas are needed here`);
  console.warn(`skipping OParl schema validation: ${SCHEMAS} is not there (it is outside the repository)`);
}

/** Validates an OParl object against the schema of its `type`: the errors, none when valid. */
export function oparlValidator(): (object: Record<string, unknown>) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('url', /^https?:\/\/\S+$/);
  if (HAVE_SCHEMAS) {
    for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as { $id: string };
      // The schemas refer to each other as "Location.json": register them under that name too.
      ajv.addSchema(schema);
      ajv.addSchema({ ...schema, $id: `${schema.$id}.json` });
    }
  }
  return (object) => {
    const type = String(object.type).replace('https://schema.oparl.org/1.1/', '');
    const check = ajv.getSchema(`https://schema.oparl.org/1.1/${type}.json`);
    if (!check) return [`unknown type ${String(object.type)}`];
    return check(object) ? [] : (check.errors ?? []).map((e) => `${type} ${String(object.id)} ${e.instancePath} ${e.message}`);
  };
}
