"""Reports of one run, written to one folder:

  report.json    figures per system, paired differences with bootstrap intervals, the citation audit,
                 and every cluster's scores
  outputs.jsonl  one line per cluster and system: the summary, its sentences with citations and
                 evidence, the references, and the cluster's scores (what `eval compare` reads)
  report.html    the same, viewable offline: the table, plots, and a cluster browser (the worst and
                 best clusters of each system; each cluster's summaries beside its references)
"""
from __future__ import annotations

import base64
import io
import json
from html import escape
from pathlib import Path
from statistics import mean

from eval.dataset import Example
from eval.stats import paired_bootstrap
from eval.systems import is_ours

METRICS = ("rouge1", "rouge2", "rougeL", "semantic", "words", "repeated_trigrams", "max_pair_similarity",
           "names_numbers_in_sources", "loaded_terms", "seconds")
ROUGE = ("rouge1", "rouge2", "rougeL")
SCORE_KEYS = METRICS + ("stages",)
SHOWN = 5  # worst and best clusters listed per system


def aggregate(results: list[dict]) -> dict[str, dict[str, float]]:
    table = {}
    for system, rows in by_system(results).items():
        table[system] = {m: round(mean(r[m] for r in rows), 2 if m != "seconds" else 4) for m in METRICS}
        table[system]["clusters"] = len(rows)
        table[system].update(budget_used_where_fillable(rows))
        stages: dict[str, list[float]] = {}
        for r in rows:
            for stage, seconds in (r.get("stages") or {}).items():
                stages.setdefault(stage, []).append(seconds)
        if stages:
            table[system]["stage_seconds"] = {k: round(mean(v), 4) for k, v in stages.items()}
    return table


FILLABLE = 0.9  # the budget share a brief should use whenever its sources have that much to say


def budget_used_where_fillable(rows: list[dict]) -> dict[str, float]:
    """The share of the budget a system's briefs use, over the clusters whose sources could fill at least
    FILLABLE of it (our systems report what they could fill; the others, nothing)."""
    fillable = [r for r in rows if r.get("fillable_words") is not None and r.get("budget")
                and r["fillable_words"] >= FILLABLE * r["budget"]]
    if not fillable:
        return {}
    return {"budget_used_where_fillable": round(mean(r["words"] / r["budget"] for r in fillable), 3),
            "fillable_clusters": len(fillable)}


def by_system(results: list[dict]) -> dict[str, list[dict]]:
    systems: dict[str, list[dict]] = {}
    for row in results:
        systems.setdefault(row["system"], []).append(row)
    return systems


def paired_differences(results: list[dict], metrics: tuple[str, ...] = ROUGE) -> list[dict]:
    """Each of our systems against every other system on the same clusters: ours - other, 95% interval."""
    systems = by_system(results)
    rows = []
    for ours in [s for s in systems if is_ours(s)]:
        mine = {r["id"]: r for r in systems[ours]}
        for other, their_rows in systems.items():
            if other == ours:
                continue
            theirs = {r["id"]: r for r in their_rows}
            shared = [i for i in mine if i in theirs]
            if not shared:
                continue
            rows.append({"system": ours, "against": other, **{
                m: paired_bootstrap([theirs[i][m] for i in shared], [mine[i][m] for i in shared]).as_dict()
                for m in metrics}})
    return rows


def write(out: Path, dataset: str, budget: int, results: list[dict], examples: list[Example],
          wall_seconds: float, scoring: dict, audit: dict | None = None, history_plot: bytes | None = None,
          regressions: list[str] | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    references = {e.id: list(e.references) for e in examples}
    report = {"dataset": dataset, "length_budget_words": budget, "scoring": scoring,
              "wall_seconds": round(wall_seconds, 1), "systems": aggregate(results),
              "paired_differences": paired_differences(results), "citation_audit": audit,
              "regressions": regressions or [],
              "clusters": [{k: v for k, v in r.items() if k != "output"} for r in results]}
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with open(out / "outputs.jsonl", "w", encoding="utf-8") as lines:
        for row in results:
            output = row.get("output") or {}
            lines.write(json.dumps({
                "id": row["id"], "index": row.get("index"), "system": row["system"],
                "summary": output.get("text", ""), "sentences": output.get("sentences", []),
                "references": references.get(row["id"], []),
                "scores": {k: row[k] for k in SCORE_KEYS if k in row},
            }, ensure_ascii=False) + "\n")
    (out / "report.html").write_text(_html(report, results, references, history_plot), encoding="utf-8")
    return report


def describe_scoring(scoring: dict) -> str:
    if scoring.get("recall_at_words"):
        which = "all references" if scoring.get("references") == "all" else "the first reference"
        return f"ROUGE recall x 100 at {scoring['recall_at_words']} words, averaged over {which}"
    which = ("the best over all references" if scoring.get("references") == "all"
             else "against the first reference")
    return f"ROUGE F1 x 100 with stemming, {which}" + ("; summaries cut to the budget" if scoring.get("truncate") else "")


def _html(report: dict, results: list[dict], references: dict[str, list[str]], history_plot: bytes | None) -> str:
    table = report["systems"]
    order = sorted(table, key=lambda s: -table[s]["rouge1"])
    head = "".join(f"<th>{escape(m)}</th>" for m in METRICS)
    rows = "".join(
        f"<tr class='{'ours' if is_ours(s) else ''}'><td>{escape(s)}</td>"
        + "".join(f"<td>{table[s][m]}</td>" for m in METRICS) + f"<td>{table[s]['clusters']}</td></tr>"
        for s in order)
    plots = "".join(f"<h2>{escape(title)}</h2><img alt='{escape(title)}' src='data:image/png;base64,"
                    f"{base64.b64encode(png).decode()}'>" for title, png in _plots(results, order))
    if history_plot:
        plots += f"<h2>Trend</h2><img alt='trend' src='data:image/png;base64,{base64.b64encode(history_plot).decode()}'>"
    regressions = "".join(f"<li>{escape(r)}</li>" for r in report["regressions"])
    return f"""<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>newsbrief eval: {escape(report['dataset'])}</title>
<style>body{{font:14px sans-serif;margin:2rem;max-width:1400px}} table{{border-collapse:collapse;margin-bottom:1rem}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:right;vertical-align:top}} td:first-child{{text-align:left}}
tr.ours{{background:#eef6ff;font-weight:bold}} img{{max-width:900px}} .below{{color:#b00}} .above{{color:#070}}
.cluster{{display:none;border-top:2px solid #888;margin-top:1rem}} .cluster:target{{display:block}}
.summaries{{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:1rem}}
.summary{{border:1px solid #ddd;padding:.5rem}} .summary h4{{margin:.2rem 0}} .cite{{color:#06c;font-size:80%}}
details{{font-size:85%;color:#444}} pre{{white-space:pre-wrap}} .regressions{{color:#b00}}</style></head><body>
<h1>newsbrief evaluation</h1>
<p>Dataset <code>{escape(report['dataset'])}</code>; length budget {report['length_budget_words']} words for the systems run
here (published outputs are scored as published); {escape(describe_scoring(report['scoring']))};
wall time {report['wall_seconds']} s. Per-cluster summaries, citations and scores: <code>outputs.jsonl</code>.</p>
{f"<ul class='regressions'>{regressions}</ul>" if regressions else ""}
<table id='systems'><tr><th>system</th>{head}<th>clusters</th></tr>{rows}</table>
{_differences_html(report['paired_differences'])}
{_audit_html(report['citation_audit'])}
{_browser_html(results, order, references)}
{plots}</body></html>
"""


def _differences_html(differences: list[dict]) -> str:
    if not differences:
        return ""

    def cell(d: dict) -> str:
        kind = "below" if d["high"] < 0 else "above" if d["low"] > 0 else ""
        return f"<td class='{kind}'>{d['mean']:+.2f} [{d['low']:+.2f}, {d['high']:+.2f}]</td>"

    rows = "".join(f"<tr><td>{escape(d['system'])} − {escape(d['against'])}</td>"
                   + "".join(cell(d[m]) for m in ROUGE) + "</tr>" for d in differences)
    return ("<h2>Paired differences</h2><p>Mean per-cluster difference, ours minus the other system, with a 95% "
            "paired bootstrap interval (1,000 resamples of the clusters, fixed seed). Green: the interval lies "
            "above zero; red: below.</p>"
            f"<table id='differences'><tr><th>pair</th><th>rouge1</th><th>rouge2</th><th>rougeL</th></tr>{rows}</table>")


def _audit_html(audit: dict | None) -> str:
    if not audit:
        return ("<h2>Citation audit</h2><p>Not run (<code>--audit 0</code>, or no system of ours in this run).</p>")
    rows = "".join(
        f"<tr><td>{escape(system)}</td><td>{a['sentences']}</td><td>{a['citations']}</td>"
        f"<td>{a['precision']:.3f} [{a['precision_low']:.3f}, {a['precision_high']:.3f}]</td>"
        f"<td>{a['whole_precision']:.3f} [{a['whole_precision_low']:.3f}, {a['whole_precision_high']:.3f}] "
        f"of {a['whole_citations']}</td>"
        f"<td>{a['recall']:.3f} [{a['recall_low']:.3f}, {a['recall_high']:.3f}]</td>"
        f"<td>{a['documents_per_sentence']:.2f}</td></tr>" for system, a in audit["systems"].items())
    return (f"<h2>Citation audit</h2><p>{escape(audit['method'])}</p><table id='audit'><tr><th>system</th>"
            "<th>sentences</th><th>citations</th><th>precision [95%]</th><th>precision of those given in full</th>"
            "<th>recall [95%]</th>"
            f"<th>documents cited per sentence</th></tr>{rows}</table>")


def _browser_html(results: list[dict], order: list[str], references: dict[str, list[str]]) -> str:
    systems = by_system(results)
    ids = list(dict.fromkeys(r["id"] for r in results))
    anchor = {cluster_id: f"cluster-{n}" for n, cluster_id in enumerate(ids)}
    extremes = []
    for system in order:
        ranked = sorted(systems[system], key=lambda r: r["rouge1"])
        links = lambda picked: ", ".join(  # noqa: E731
            f"<a href='#{anchor[r['id']]}'>{escape(r['id'])}</a> ({r['rouge1']:.1f})" for r in picked)
        extremes.append(f"<tr><td>{escape(system)}</td><td>{links(ranked[:SHOWN])}</td>"
                        f"<td>{links(ranked[::-1][:SHOWN])}</td></tr>")
    scores = {(r["system"], r["id"]): r for r in results}
    index_rows = "".join(
        f"<tr><td><a class='open' href='#{anchor[i]}'>{escape(i)}</a></td>"
        + "".join(f"<td>{scores[(s, i)]['rouge1']:.1f}</td>" if (s, i) in scores else "<td></td>" for s in order)
        + "</tr>" for i in ids)
    views = "".join(_cluster_html(i, anchor[i], order, scores, references.get(i, [])) for i in ids)
    return f"""<h2>Clusters</h2>
<p>Click a cluster to read every system's summary beside the references; for our systems, each sentence's
citations and evidence.</p>
<table id='extremes'><tr><th>system</th><th>worst {SHOWN} (R-1)</th><th>best {SHOWN} (R-1)</th></tr>{''.join(extremes)}</table>
<details><summary>All clusters (R-1 per system)</summary>
<table id='cluster-index'><tr><th>cluster</th>{''.join(f"<th>{escape(s)}</th>" for s in order)}</tr>{index_rows}</table></details>
{views}"""


def _cluster_html(cluster_id: str, anchor: str, order: list[str], scores: dict, references: list[str]) -> str:
    cards = []
    for system in order:
        row = scores.get((system, cluster_id))
        if row is None:
            continue
        output = row.get("output") or {}
        figures = " · ".join(f"{m} {row[m]:.1f}" for m in ROUGE) + f" · {row['words']} words"
        if is_ours(system):
            body = "".join(_sentence_html(s) for s in output.get("sentences", []))
        else:
            body = f"<p>{escape(output.get('text', ''))}</p>"
        cards.append(f"<div class='summary {'ours' if is_ours(system) else ''}'><h4>{escape(system)}</h4>"
                     f"<small>{figures}</small>{body}</div>")
    refs = "".join(f"<div class='summary reference'><h4>reference {n + 1}</h4><p>{escape(r)}</p></div>"
                   for n, r in enumerate(references))
    return (f"<section class='cluster' id='{anchor}'><h3>Cluster {escape(cluster_id)}</h3>"
            f"<div class='summaries'>{refs}{''.join(cards)}</div></section>")


def _sentence_html(sentence: dict) -> str:
    marks = "".join(f"<span class='cite' title='{escape(c['text'])}'>[{c['document'] + 1}]</span>"
                    for c in sentence.get("citations", []))
    cited = "".join(f"<li>[{c['document'] + 1}] {escape(c['text'])}</li>" for c in sentence.get("citations", []))
    evidence = escape(json.dumps(sentence.get("evidence", {}), ensure_ascii=False, indent=1))
    return (f"<p>{escape(sentence['text'])} {marks}</p><details><summary>citations and evidence</summary>"
            f"<ul>{cited}</ul><pre>{evidence}</pre></details>")


def _plots(results: list[dict], order: list[str]) -> list[tuple[str, bytes]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = by_system(results)
    figures = []
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.boxplot([[r["rouge1"] for r in systems[s]] for s in order], tick_labels=order)
    ax.set_ylabel("ROUGE-1"); ax.tick_params(axis="x", rotation=45)
    figures.append(("ROUGE-1 per cluster", png(fig)))
    fig, ax = plt.subplots(figsize=(9, 4))
    for s in order:
        ax.scatter([r["words"] for r in systems[s]], [r["rouge1"] for r in systems[s]], s=6, label=s)
    ax.set_xlabel("words"); ax.set_ylabel("ROUGE-1"); ax.legend(fontsize=7)
    figures.append(("ROUGE-1 against length", png(fig)))
    timed = [s for s in order if not s.startswith("published:")]
    fig, ax = plt.subplots(figsize=(9, 3))
    ax.bar(timed, [mean(r["seconds"] for r in systems[s]) for s in timed])
    ax.set_ylabel("seconds per cluster"); ax.tick_params(axis="x", rotation=45)
    figures.append(("Latency", png(fig)))
    return figures


def png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()
