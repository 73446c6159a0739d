#!/usr/bin/env node
// One-off cdk-nag run over a corpus of CloudFormation templates, through CfnInclude.
// Not part of the Maven build. Usage: node run.js CORPUS OUTDIR
//
// For every .yaml/.yml/.json/.template file under CORPUS: a fresh App and Stack, the template
// included with cloudformation_include.CfnInclude (logical ids preserved), then every cdk-nag
// pack validated directly on the stack with NagPack.validateScope (cdk-nag 3 is a CDK policy
// validation plugin; validateScope is its documented direct entry point and needs no synth).
// Findings are taken per resource from NagPack.addViolation (see below).
// Writes OUTDIR/cdk-nag.jsonl (one line per finding), OUTDIR/skipped.jsonl (templates that
// CfnInclude could not load, with the reason), OUTDIR/included.jsonl (templates included, with
// their resource ids and types, so the comparison knows what cdk-nag saw) and OUTDIR/summary.md.
'use strict';

const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const nag = require('cdk-nag');

const corpus = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', '..', 'shared', 'corpus'));
const outDir = path.resolve(process.argv[3] || path.join(__dirname, 'out'));
fs.mkdirSync(outDir, { recursive: true });

const PACKS = [
  nag.AwsSolutionsChecks,
  nag.ServerlessChecks,
  nag.NIST80053R5Checks,
  nag.NIST80053R4Checks,
  nag.HIPAASecurityChecks,
  nag.PCIDSS321Checks,
];
const EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);

// cdk-nag 3 groups a pack's violations by rule, and a group's description is that of its first
// resource, so whether the rule threw cannot be read per resource from the report. Every violation
// passes through NagPack.addViolation(ruleName, params, errorMessage) (errorMessage only when the
// rule threw): record each call, per resource, before cdk-nag groups it.
let captured = [];
const addViolation = nag.NagPack.prototype.addViolation;
if (typeof addViolation !== 'function') throw new Error('cdk-nag NagPack.addViolation not found: this script needs cdk-nag 3.0.x');
nag.NagPack.prototype.addViolation = function (ruleName, params, errorMessage) {
  captured.push({
    ruleId: ruleName,
    path: params.node.node.path,
    level: params.level === nag.NagMessageLevel.ERROR ? 'error' : 'warning',
    errorMessage,
  });
  return addViolation.call(this, ruleName, params, errorMessage);
};

function walk(dir, acc) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, acc);
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) acc.push(full);
  }
  return acc;
}

// CDK prints warnings (e.g. unknown resource types) through console.error/Annotations; keep stdout clean.
function firstLine(message) {
  return String(message).split('\n')[0].slice(0, 300);
}

const templates = walk(corpus, []);
const findingsOut = fs.openSync(path.join(outDir, 'cdk-nag.jsonl'), 'w');
const skippedOut = fs.openSync(path.join(outDir, 'skipped.jsonl'), 'w');
const includedOut = fs.openSync(path.join(outDir, 'included.jsonl'), 'w');
const skipped = [];
let included = 0;
const perRule = new Map(); // ruleId -> {error, warning, ruleError}
const started = Date.now();

for (const file of templates) {
  const rel = path.relative(corpus, file).split(path.sep).join('/');
  const app = new cdk.App({ outdir: fs.mkdtempSync(path.join(require('os').tmpdir(), 'cdknag-')) });
  const stack = new cdk.Stack(app, 'Stack');
  let include;
  try {
    include = new CfnInclude(stack, 'Template', {
      templateFile: file,
      preserveLogicalIds: true,
      allowCyclicalReferences: true,
    });
  } catch (e) {
    const reason = firstLine(e && e.message ? e.message : e);
    skipped.push({ template: rel, reason });
    fs.writeSync(skippedOut, JSON.stringify({ template: rel, reason }) + '\n');
    fs.rmSync(app.outdir, { recursive: true, force: true });
    continue;
  }
  included++;
  // What cdk-nag saw: every CfnResource under the include, by logical id (the construct id).
  const resources = {};
  for (const child of include.node.children) {
    if (cdk.CfnResource.isCfnResource(child)) resources[child.node.id] = typeof child.cfnResourceType === 'string' ? child.cfnResourceType : JSON.stringify(child.cfnResourceType);
  }
  // Resources that cdk-nag judges on behalf of another: an EventInvokeConfig or an event source
  // mapping belongs to the function its FunctionName names (Ref, GetAtt or the bare logical id).
  const owners = {};
  for (const child of include.node.children) {
    if (!cdk.CfnResource.isCfnResource(child)) continue;
    if (child.cfnResourceType !== 'AWS::Lambda::EventInvokeConfig' && child.cfnResourceType !== 'AWS::Lambda::EventSourceMapping') continue;
    try {
      const target = nag.NagRules.resolveResourceFromIntrinsic(child, child.functionName);
      if (typeof target === 'string' && resources[target]) owners[child.node.id] = target;
    } catch (e) {
      // unknown owner: the finding stays on the resource itself
    }
  }
  fs.writeSync(includedOut, JSON.stringify({ template: rel, resources, owners }) + '\n');

  for (const Pack of PACKS) {
    const pack = new Pack();
    captured = [];
    try {
      pack.validateScope(stack);
    } catch (e) {
      const reason = `pack ${pack.readPackName} failed: ${firstLine(e && e.message ? e.message : e)}`;
      fs.writeSync(skippedOut, JSON.stringify({ template: rel, reason, partial: true }) + '\n');
      skipped.push({ template: rel, reason, partial: true });
      continue;
    }
    for (const v of captured) {
      // constructPath is /Stack/Template/<LogicalId> (CfnInclude creates no deeper constructs)
      const parts = v.path.split('/');
      const logicalId = parts[parts.length - 1];
      const line = {
        template: rel,
        logicalId,
        type: resources[logicalId] || null,
        ruleId: v.ruleId,
        level: v.level,
        ruleError: v.errorMessage !== undefined,
      };
      if (v.errorMessage !== undefined) line.error = firstLine(v.errorMessage);
      fs.writeSync(findingsOut, JSON.stringify(line) + '\n');
      const counts = perRule.get(v.ruleId) || { error: 0, warning: 0, ruleError: 0 };
      if (line.ruleError) counts.ruleError++;
      else counts[v.level]++;
      perRule.set(v.ruleId, counts);
    }
  }
  fs.rmSync(app.outdir, { recursive: true, force: true });
}
fs.closeSync(findingsOut);
fs.closeSync(skippedOut);
fs.closeSync(includedOut);

const versions = {};
for (const name of ['cdk-nag', 'aws-cdk-lib', 'constructs']) {
  versions[name] = require(path.join(name, 'package.json')).version;
}
const fullSkips = skipped.filter((s) => !s.partial);
const partial = skipped.filter((s) => s.partial);
const lines = [];
lines.push('# cdk-nag run summary', '');
lines.push(`corpus: \`${corpus}\``, '');
lines.push(`versions: cdk-nag ${versions['cdk-nag']}, aws-cdk-lib ${versions['aws-cdk-lib']}, constructs ${versions.constructs}, node ${process.version}`, '');
lines.push(`packs: ${PACKS.map((P) => new P().readPackName).join(', ')}`, '');
lines.push(`templates found: ${templates.length}; included: ${included}; skipped (CfnInclude refused): ${fullSkips.length}; pack failures on included templates: ${partial.length}; time: ${((Date.now() - started) / 1000).toFixed(1)} s`, '');
lines.push('## Skipped templates', '', '| template | reason |', '|---|---|');
for (const s of skipped) lines.push(`| ${s.template} | ${s.reason.replace(/\|/g, '\\|')}${s.partial ? ' (partial)' : ''} |`);
lines.push('', '## Skip reasons (grouped)', '', '| count | reason (first 80 characters, logical ids masked) |', '|---|---|');
const grouped = new Map();
for (const s of fullSkips) {
  const key = s.reason.replace(/'[^']*'/g, "'…'").replace(/"[^"]*"/g, '"…"').slice(0, 80);
  grouped.set(key, (grouped.get(key) || 0) + 1);
}
for (const [k, n] of [...grouped.entries()].sort((a, b) => b[1] - a[1])) lines.push(`| ${n} | ${k.replace(/\|/g, '\\|')} |`);
lines.push('', '## Findings per rule', '', 'ruleError: the rule threw while reading the resource (cdk-nag 3 reports it as a violation, \"Rule threw an error during validation\"; usually an intrinsic it cannot read, e.g. a Ref or Fn::If where it needs a primitive). Not counted under error/warning.', '');
lines.push('| rule | error | warning | ruleError |', '|---|---|---|---|');
for (const [rule, c] of [...perRule.entries()].sort()) lines.push(`| ${rule} | ${c.error} | ${c.warning} | ${c.ruleError} |`);
fs.writeFileSync(path.join(outDir, 'summary.md'), lines.join('\n') + '\n');
process.stdout.write(`templates ${templates.length}, included ${included}, skipped ${fullSkips.length}, partial ${partial.length}; wrote ${outDir}/cdk-nag.jsonl and summary.md\n`);
