#!/usr/bin/env python3
"""Line up cdk-nag's findings (bench/cdk-nag/out/cdk-nag.jsonl, from run.sh) with resilint's, per
(template, logical id), for each pair of bench/cdk-nag/pairs.json. Python 3 standard library only.

    bench/cdk-nag/compare.py [CORPUS] [--resilint-json FILE] [--jar JAR] [--out DIR]

Without --resilint-json it runs `java -jar JAR check --format json --fail-on none .` in CORPUS and
keeps the report as OUT/resilint.json. Writes OUT/compare.md (a table per pair, every
disagreement listed) and OUT/compare.json (the same, for scripts).

Per pair, a resource of the pair's types in a template that both tools read is:
  both flag      cdk-nag (any of the pair's ids) and resilint both report it
  both quiet     neither reports it
  only cdk-nag   cdk-nag reports it, resilint does not
  only resilint  resilint reports it, cdk-nag does not
  cdk-nag error  cdk-nag's rule threw on it ("Rule threw an error during validation": an intrinsic it
                 cannot read), split by whether resilint reports it
Resilint findings in templates that CfnInclude could not load, and cdk-nag findings in templates
resilint did not analyze, are listed apart (not comparable).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# resilint expands SAM before its rules run; cdk-nag reads only the CloudFormation L1 classes.
SAM_TYPES = {"AWS::Serverless::Function", "AWS::Serverless::Api", "AWS::Serverless::HttpApi",
             "AWS::Serverless::SimpleTable", "AWS::Serverless::StateMachine"}


def norm(path):
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_resilint(jar, corpus, out_file):
    cmd = ["java", "-jar", jar, "check", "--format", "json", "--output-file", out_file, "--fail-on", "none", "."]
    proc = subprocess.run(cmd, cwd=corpus, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not os.path.exists(out_file):
        sys.exit("resilint failed (exit %d): %s" % (proc.returncode, proc.stderr[-2000:]))
    return " ".join(cmd)


def md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--resilint-json", help="read this resilint JSON report instead of running resilint")
    ap.add_argument("--jar", default=os.path.join(ROOT, "cli", "target", "resilint.jar"))
    ap.add_argument("--cdk-nag-out", default=os.path.join(HERE, "out"), help="directory written by run.sh")
    ap.add_argument("--pairs", default=os.path.join(HERE, "pairs.json"))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--max-list", type=int, default=0, help="list at most N disagreements per kind and pair (0: all)")
    args = ap.parse_args()

    corpus = os.path.abspath(args.corpus)
    os.makedirs(args.out, exist_ok=True)
    if args.resilint_json:
        report_path = args.resilint_json
        how = "read %s" % report_path
    else:
        report_path = os.path.join(args.out, "resilint.json")
        how = run_resilint(os.path.abspath(args.jar), corpus, report_path)
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    with open(args.pairs, encoding="utf-8") as f:
        pairs = json.load(f)["pairs"]

    nag_lines = read_jsonl(os.path.join(args.cdk_nag_out, "cdk-nag.jsonl"))
    included_lines = read_jsonl(os.path.join(args.cdk_nag_out, "included.jsonl"))
    included = {d["template"]: d["resources"] for d in included_lines}
    owners = {d["template"]: d.get("owners", {}) for d in included_lines}
    skipped = {}
    for d in read_jsonl(os.path.join(args.cdk_nag_out, "skipped.jsonl")):
        if not d.get("partial"):
            skipped[d["template"]] = d["reason"]

    resilint_rules = {r["id"] for r in report["rules"]}
    resilint_files = {norm(f) for f in report["files"]}
    resilint_problem_files = {norm(p["file"]) for p in report["problems"] if p.get("file")}
    # (template, logical id) -> findings, per rule
    res_by_rule = collections.defaultdict(dict)
    res_types = {}
    for finding in report["findings"]:
        loc = finding["location"]
        if loc.get("kind") != "template" or not loc.get("resourceId"):
            continue
        key = (norm(loc["file"]), loc["resourceId"])
        res_by_rule[finding["ruleId"]].setdefault(key, []).append(finding)
        res_types[key] = loc["resourceType"]

    nag_by_rule = collections.defaultdict(dict)
    for line in nag_lines:
        nag_by_rule[line["ruleId"]].setdefault((line["template"], line["logicalId"]), []).append(line)

    results = []
    for pair in pairs:
        types = set(pair["types"])
        built = pair["resilint"] in resilint_rules
        nag_flag, nag_error, nag_error_msg = {}, {}, {}
        for rid in pair["cdkNag"]:
            for key, lines in nag_by_rule.get(rid, {}).items():
                if pair.get("cdkNagOnOwner"):
                    # judged by cdk-nag on an EventInvokeConfig/mapping: line it up with its function
                    key = (key[0], owners.get(key[0], {}).get(key[1], key[1]))
                for line in lines:
                    (nag_error if line["ruleError"] else nag_flag).setdefault(key, set()).add(rid)
                    if line["ruleError"]:
                        nag_error_msg.setdefault(key, line.get("error", ""))
        # a resource with a real finding from one id is flagged even if another id threw
        for key in list(nag_error):
            if key in nag_flag:
                del nag_error[key]
        res_flag = {}
        for key, findings in res_by_rule.get(pair["resilint"], {}).items():
            if res_types.get(key) in types or any(f["location"]["resourceType"] in types for f in findings):
                res_flag[key] = findings

        universe = {}
        for template, resources in included.items():
            if template not in resilint_files:
                continue
            for logical_id, rtype in resources.items():
                if isinstance(rtype, str) and rtype in types:
                    universe[(template, logical_id)] = rtype
        rows = collections.OrderedDict((k, []) for k in (  # noqa: E501
            "both flag", "both quiet", "only cdk-nag", "only resilint", "cdk-nag error, resilint flags",
            "cdk-nag error, resilint quiet"))
        for key, rtype in sorted(universe.items()):
            n, e, r = key in nag_flag, key in nag_error, key in res_flag
            if e:
                kind = "cdk-nag error, resilint flags" if r else "cdk-nag error, resilint quiet"
            elif n and r:
                kind = "both flag"
            elif n:
                kind = "only cdk-nag"
            elif r:
                kind = "only resilint"
            else:
                kind = "both quiet"
            entry = {"template": key[0], "logicalId": key[1], "type": rtype}
            if r:
                entry["resilint"] = res_flag[key][0]["message"]
                entry["line"] = res_flag[key][0]["location"]["line"]
            if n or e:
                entry["cdkNag"] = sorted((nag_flag.get(key) or set()) | (nag_error.get(key) or set()))
            if e:
                entry["cdkNagError"] = nag_error_msg.get(key, "")
            if r and rtype in SAM_TYPES:
                entry["hint"] = "SAM resource: cdk-nag reads only CloudFormation resource classes"
            rows[kind].append(entry)
        if not built:
            renamed = collections.OrderedDict()
            renamed["cdk-nag flags"] = rows["only cdk-nag"] + rows["both flag"]
            renamed["cdk-nag quiet"] = rows["both quiet"] + rows["only resilint"]
            renamed["cdk-nag error"] = rows["cdk-nag error, resilint flags"] + rows["cdk-nag error, resilint quiet"]
            rows = renamed
        # findings outside the comparable universe
        apart = []
        for key, findings in sorted(res_flag.items()):
            if key in universe:
                continue
            if key[0] in skipped:
                why = "CfnInclude could not load the template: " + skipped[key[0]]
            elif key[0] in included:
                why = "cdk-nag's include has no resource %s of a pair type (type %s)" % (key[1], res_types.get(key))
            else:
                why = "template not seen by run.js"
            apart.append({"side": "resilint", "template": key[0], "logicalId": key[1], "type": res_types.get(key), "why": why,
                          "resilint": findings[0]["message"]})
        for key, rids in sorted(nag_flag.items()):
            if key in universe:
                continue
            if key[0] not in resilint_files:
                why = "resilint reported a problem in the template" if key[0] in resilint_problem_files else "resilint did not analyze the template (not a template to it)"
                apart.append({"side": "cdk-nag", "template": key[0], "logicalId": key[1], "type": included.get(key[0], {}).get(key[1]),
                              "why": why, "cdkNag": sorted(rids)})
        results.append({"pair": pair, "resilintBuilt": built, "rows": rows, "apart": apart,
                        "cdkNagFindings": len(nag_flag), "cdkNagErrors": len(nag_error), "resilintFindings": len(res_flag)})

    write_json(args.out, results, how, corpus, included, skipped)
    write_md(args.out, results, how, corpus, included, skipped, resilint_files, args.max_list)
    for r in results:
        c = {k: len(v) for k, v in r["rows"].items()}
        print("%-45s %s" % (r["pair"]["id"], "resilint rule not built; " if not r["resilintBuilt"] else "") +
              ", ".join("%s %d" % (k, v) for k, v in c.items()))
    print("wrote %s" % os.path.join(args.out, "compare.md"))


def write_json(out, results, how, corpus, included, skipped):
    data = {"resilint": how, "corpus": corpus, "templatesIncluded": len(included), "templatesSkipped": len(skipped),
            "pairs": [{"id": r["pair"]["id"], "cdkNag": r["pair"]["cdkNag"], "resilint": r["pair"]["resilint"],
                       "resilintBuilt": r["resilintBuilt"], "counts": {k: len(v) for k, v in r["rows"].items()},
                       "rows": r["rows"], "notComparable": r["apart"]} for r in results]}
    with open(os.path.join(out, "compare.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")


def write_md(out, results, how, corpus, included, skipped, resilint_files, max_list):
    lines = ["# cdk-nag and resilint, per resource", "",
             "Generated by `bench/cdk-nag/compare.py`; resilint: `%s` (in `%s`)." % (how, corpus), "",
             "Templates CfnInclude loaded: %d; skipped by CfnInclude: %d; analyzed by resilint: %d; both: %d." % (
                 len(included), len(skipped), len(resilint_files), len(set(included) & resilint_files)), "",
             "## Counts", "",
             "| pair | cdk-nag | resilint | wave | resources | both flag | both quiet | only cdk-nag | only resilint | cdk-nag error (resilint flags / quiet) | not comparable |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        c = collections.defaultdict(int, {k: len(v) for k, v in r["rows"].items()})
        total = sum(c.values())
        if r["resilintBuilt"]:
            cells = (c["both flag"], c["both quiet"], c["only cdk-nag"], c["only resilint"],
                     "%d / %d" % (c["cdk-nag error, resilint flags"], c["cdk-nag error, resilint quiet"]))
        else:  # resilint did not judge: only cdk-nag's side is known
            cells = ("–", "–", "%d (cdk-nag flags)" % c["cdk-nag flags"], "–", "%d" % c["cdk-nag error"])
        lines.append("| %s | %s | %s%s | %d | %d | %s | %s | %s | %s | %s | %d |" % ((
            r["pair"]["id"], ", ".join(r["pair"]["cdkNag"]), r["pair"]["resilint"],
            "" if r["resilintBuilt"] else " (resilint rule not built)", r["pair"]["wave"], total) + cells + (len(r["apart"]),)))
    for r in results:
        p = r["pair"]
        lines += ["", "## %s: %s ↔ %s" % (p["id"], ", ".join(p["cdkNag"]), p["resilint"]), ""]
        if not r["resilintBuilt"]:
            lines += ["**resilint rule not built**: %s is not among the rules of this resilint build; cdk-nag's side only." % p["resilint"], ""]
        lines += ["types: %s. %s" % (", ".join("`%s`" % t for t in p["types"]), p.get("note", "")), ""]
        lines += ["| | resources |", "|---|---|"]
        for kind, entries in r["rows"].items():
            lines.append("| %s | %d |" % (kind, len(entries)))
        for kind in ("only cdk-nag", "only resilint", "cdk-nag error, resilint flags", "cdk-nag error, resilint quiet",
                     "cdk-nag flags", "cdk-nag error"):
            entries = r["rows"].get(kind)
            if not entries:
                continue
            shown = entries if not max_list else entries[:max_list]
            lines += ["", "### %s (%d)" % (kind, len(entries)), "", "| template | logical id | type | detail |", "|---|---|---|---|"]
            for e in shown:
                detail = (e.get("resilint") or ", ".join(e.get("cdkNag", [])))[:220]
                if e.get("cdkNagError"):
                    detail = "%s; cdk-nag threw: %s" % (detail, e["cdkNagError"][:200].replace("The parameter resolved to to a non-primitive value ", "non-primitive ").replace(", therefore the rule could not be validated.", ""))
                if e.get("hint"):
                    detail = "%s (%s)" % (detail, e["hint"])
                if e.get("line"):
                    detail = "line %d: %s" % (e["line"], detail)
                lines.append("| %s | %s | %s | %s |" % (md(e["template"]), md(e["logicalId"]), md(e["type"]), md(detail)))
            if len(shown) < len(entries):
                lines.append("| … %d more in compare.json | | | |" % (len(entries) - len(shown)))
        if r["apart"]:
            lines += ["", "### not comparable (%d)" % len(r["apart"]), "", "| side | template | logical id | type | why |", "|---|---|---|---|---|"]
            for a in r["apart"]:
                lines.append("| %s | %s | %s | %s | %s |" % (a["side"], md(a["template"]), md(a["logicalId"]), md(a["type"]), md(a["why"][:200])))
    with open(os.path.join(out, "compare.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
