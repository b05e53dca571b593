"""Turns one benchmarks/run.sh run folder into the Markdown results table (stdout).

Usage: python3 report.py RUN_DIR QUICK COMMAND
"""
import json
import platform
import re
import statistics
import subprocess
import sys
from datetime import datetime
from pathlib import Path

BUSY = 1.5  # 1-minute load average above which a 2-core machine was busy with other work at a step's start


def read(path):
    return path.read_text() if path.exists() else ""


def steps(run):
    out = {}
    for line in read(run / "steps.tsv").splitlines():
        name, start, secs, before, after = line.split("\t")
        out[name] = {"start": start, "secs": int(secs), "load": before, "after": after}
    return out


def load_note(step):
    if not step:
        return "", ""
    one = float(step["load"].split()[0])
    return step["load"], "**taken under load**" if one > BUSY else "idle"


def jmh(run, name):
    path = run / name
    if not path.exists():
        return {}
    out = {}
    for r in json.loads(path.read_text()):
        key = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
        threads = r.get("params", {}).get("threads", "-")
        m = r["primaryMetric"]
        out[(key, threads)] = {"median": m["scorePercentiles"]["50.0"], "mean": m["score"],
                               "p90": m["scorePercentiles"]["90.0"], "unit": m["scoreUnit"]}
    return out


def machine():
    cpu = read(Path("/proc/cpuinfo"))
    model = re.search(r"model name\s*:\s*(.*)", cpu)
    cores = len(re.findall(r"^processor\s*:", cpu, re.M))
    avx512 = "avx512f" in cpu
    mem = re.search(r"MemTotal:\s*(\d+)", read(Path("/proc/meminfo")))
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return (f"{model.group(1) if model else platform.processor()}, {cores} cores{' (AVX-512)' if avx512 else ''}, "
            f"{int(mem.group(1)) // 1024 // 1024 if mem else '?'} GB RAM, {platform.system()} {platform.release()}, {java}")


def startup_rows(run, st):
    rows = []
    for d in sorted(p for p in run.glob("startup-*") if p.is_dir()):  # not startup-models.txt
        out = read(d / "out.txt")
        fx = re.search(r"javafx-start ms=(\d+)", out)
        ui = re.search(r"ui-built ms=(\d+)", out)
        w = re.search(r"window ms=(\d+)", out)
        p = re.search(r"first-prediction ms=(\d+) peak_rss_mb=(\d+).*prediction_ms=([\d.]+) gradcam_ms=([\d.]+) "
                      r"model_load_ms=(\d+)", out)
        both = re.search(r"both-models ms=(\d+) peak_rss_mb=(\d+)", out)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", read(d / "time.txt"))
        rows.append((d.name, fx, ui, w, p, both, rss, st.get(d.name)))
    return rows


def session_lines(run, st):
    """The long session: resident memory and time per film, per 50 films (the app's SessionProbe lines)."""
    films = [{k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
             for line in read(run / "session" / "out.txt").splitlines() if line.startswith("lunglens-session film=")]
    if not films:
        return []
    load, note = load_note(st.get("session"))
    out = ["", f"## A long session: {len(films)} films one after another", "",
           "The app with a folder open, AI and Grad-CAM on, moving to the next film as soon as its analysis is "
           "shown (`-Dlunglens.sessionProbe=N`); each analysis is recorded in a fresh patient log. Time per film: "
           f"from asking for the film to its analysis on screen. Load: {load}. {note}", "",
           "| films | resident memory at the last (MB) | Java heap in use (MB) | time per film, median (ms) | p90 (ms) "
           "| prediction + Grad-CAM, median (ms) |", "|---|---|---|---|---|---|"]
    for start in range(0, len(films), 50):
        chunk = films[start:start + 50]
        times = sorted(f["ms"] for f in chunk)
        ai = sorted(f["prediction_ms"] + f["gradcam_ms"] for f in chunk)
        out.append(f"| {start + 1}-{start + len(chunk)} | {chunk[-1]['rss_mb']:.0f} | {chunk[-1]['heap_used_mb']:.0f} "
                   f"| {statistics.median(times):.0f} | {times[int(0.9 * (len(times) - 1))]:.0f} "
                   f"| {statistics.median(ai):.1f} |")
    peak = re.search(r"lunglens-session end films=\d+ peak_rss_mb=(\d+)", read(run / "session" / "out.txt"))
    if peak:
        out.append(f"\nPeak resident memory {peak.group(1)} MB (target: under 700 MB and flat after the first 50 films).")
    return out


def main():
    run = Path(sys.argv[1])
    quick = sys.argv[2] == "true"
    command = sys.argv[3]
    st = steps(run)
    j = jmh(run, "jmh.json")
    natives = [("onednn-avx2, shipped", j)] + [(p.stem[4:], jmh(run, p.name)) for p in sorted(run.glob("jmh-*.json"))]
    lines = []
    first = min((s["start"] for s in st.values()), default=datetime.now().strftime("%F %T"))
    lines += [
        "# LungLens benchmark results", "",
        f"- Date: {first}" + (" (quick mode)" if quick else ""),
        f"- Command: `{command}`",
        f"- Machine: {machine()}",
        f"- Model: `{Path(read(run / 'model.txt').strip()).name}`; data: covid19-radiography-128 (128 px PNGs)",
        *([f"- Start-up probe: the app with the models of `{read(run / 'startup-models.txt').strip()}` "
            "(STARTUP_MODELS), its own default model first"] if (run / "startup-models.txt").exists() else []),
        *([f"- Start-up probe: launched as the installed app, `{read(run / 'startup-launcher.txt').strip()}` "
            "(STARTUP_LAUNCHER)"] if (run / "startup-launcher.txt").exists() else []),
        f"- Load: the 1/5/15-minute load averages when each measurement started. Above {BUSY} (1 min) the machine "
        "was busy with other work and the wall-clock times are inflated and noisy: compare ratios taken in the same "
        "run, and the CPU-time columns, not digits across runs.",
        "",
        "## Results against the targets", "",
        "| Measure | Result | Target | Load at start | |",
        "|---|---|---|---|---|",
    ]

    def row(measure, result, target, step):
        load, note = load_note(st.get(step))
        lines.append(f"| {measure} | {result} | {target} | {load} | {note} |")

    def ms(key, threads):
        r = j.get((key, threads))
        return f"{r['median']:.1f} ms median (p90 {r['p90']:.1f})" if r else "n/a"

    # The app's default (Nd4jSettings.DEFAULT_INFERENCE_THREADS); other counts are in the JMH table below
    row("One image, prediction + Grad-CAM (JMH, 1 ND4J thread, the app's default; shipped oneDNN AVX2 build)",
        ms("GradCamBench.analyse", "1"), "< 20 ms median", "jmh")
    for label, res in natives[1:]:
        r = res.get(("GradCamBench.analyse", "1"))
        if r:
            row(f"One image, prediction + Grad-CAM (JMH, 1 thread, {label} build)",
                f"{r['median']:.1f} ms median (p90 {r['p90']:.1f})", "< 20 ms median", "jmh-" + label)
    r = jmh(run, "loaded-jmh.json").get(("GradCamBench.analyse", "1"))
    if r:
        row("One image, prediction + Grad-CAM while another process keeps one core busy (JMH, 1 ND4J thread)",
            f"{r['median']:.1f} ms median (p90 {r['p90']:.1f})", "< 20 ms median, < 30 ms p90", "loaded")
    c_time = read(run / "classify-time.txt")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", c_time)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", c_time)
    n = sum(1 for _ in open(run / "classify.csv")) if (run / "classify.csv").exists() else 0
    if wall:
        parts = [float(x) for x in wall.group(1).split(":")]
        secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        row(f"Batch `classify`, {n} images end to end (PNG decoding included)",
            f"{n / secs:.0f} images/s ({secs:.0f} s), peak RSS {int(rss.group(1)) // 1024} MB", ">= 300 images/s",
            "classify")
    for name, fx, ui, w, p, both, rss, s in startup_rows(run, st):
        load, note = load_note(s)
        win = f"{int(w.group(1)) / 1000:.1f} s" if w else "failed"
        if w and fx:
            win += f" (JavaFX up at {int(fx.group(1)) / 1000:.1f} s"
            win += f", window and patient log built at {int(ui.group(1)) / 1000:.1f} s)" if ui else ")"
        pred = (f"{int(p.group(1)) / 1000:.1f} s (model load {int(p.group(5))} ms, first prediction "
                f"{float(p.group(3)):.0f} ms, first Grad-CAM {float(p.group(4)):.0f} ms)") if p else "failed"
        mem = f"{int(rss.group(1)) // 1024} MB" if rss else "?"
        lines.append(f"| Start-up ({name}): process start to window | {win} | <= 2 s | {load} | {note} |")
        lines.append(f"| Start-up ({name}): to first prediction on an image opened at start | {pred} | <= 3 s | {load} | {note} |")
        models = "both models loaded (the probe switches to the second after the first prediction)" if both \
            else "one model loaded"
        lines.append(f"| Start-up ({name}): peak RSS, {models} (`time -v`) | {mem} | < 700 MB with both models | {load} | {note} |")

    size = read(run / "app-size-mb.txt").strip()
    if size:
        lines.append(f"| Installed app on disk (`du`, the folder of STARTUP_LAUNCHER) | {size} MB | <= 250 MB | | |")
    lines += session_lines(run, st)

    dl4j = json.loads(read(run / "side" / "dl4j.json") or "{}")
    torch = json.loads(read(run / "side" / "torch.json") or "{}")
    if dl4j and torch:
        load, note = load_note(st.get("dl4j-side"))
        tload, tnote = load_note(st.get("torch"))
        lines += ["", "## LungLens (DL4J) against the same network in PyTorch", "",
                  f"Same architecture, same weights (exported from the model; PyTorch reproduces DL4J's outputs on 64 "
                  f"real inputs to {torch['max_abs_diff_vs_dl4j']:.1e}, "
                  f"{'within' if torch['parity_ok'] else 'NOT within'} 1e-4), same inputs, same timing loops; "
                  f"training uses fresh weights, Adam, batches of 64. PyTorch {torch['torch']} (Debian). "
                  "Ratio = ours / PyTorch in time (above 1: we are slower). CPU = process CPU time (all threads), "
                  "which a busy machine inflates far less than the wall clock.", "",
                  "| Threads | Measure | DL4J | PyTorch | Ratio (time, ours/PyTorch) | Load at start (DL4J / PyTorch) | |",
                  "|---|---|---|---|---|---|---|"]
        for threads, d in dl4j["timings"].items():
            t = torch["timings"].get(threads)
            if not t:
                continue
            for key, label, unit, per_time in [
                    ("single_ms_median", "one image, wall, median", "ms", False),
                    ("single_cpu_ms_mean", "one image, CPU, mean", "ms", False),
                    ("batch64_images_per_s", "batch of 64, wall", "images/s", True),
                    ("batch64_cpu_images_per_s", "batch of 64, per CPU second", "images/s", True),
                    ("train_images_per_s", "training, batch 64, wall", "images/s", True)]:
                ratio = t[key] / d[key] if per_time else d[key] / t[key]
                busy = "**taken under load**" if "under" in note + tnote else "idle"
                lines.append(f"| {threads} | {label} | {d[key]:.1f} {unit} | {t[key]:.1f} {unit} | {ratio:.2f} | "
                             f"{load} / {tload} | {busy} |")

    ort = json.loads(read(run / "side" / "ort.json") or "{}")
    if dl4j and torch:
        lines += ["", "## LungLens against the best tuned peer", "",
                  "The same network and inputs: PyTorch eager, frozen TorchScript (`optimize_for_inference(freeze(trace))`, "
                  "batch norm folded as LungLens folds it) and ONNX Runtime (the network exported by `torch.onnx.export`, "
                  f"all graph optimisations, intra-op threads set; {ort.get('onnxruntime', 'not run')}, outputs within "
                  f"{ort.get('max_abs_diff_vs_dl4j', float('nan')):.1e} of DL4J's). Ratio = our time / the best peer's "
                  "(target: <= 1.0). LungLens's rows are what the app runs: the prediction and, from the same pass, "
                  "the familiarity check (every layer's output kept, Mahalanobis scores); the rows 'the network alone' "
                  "time DL4J's own `output()` of the folded network, like for like with the peers.", "",
                  "| Threads | Measure | LungLens | eager | frozen TorchScript | ONNX Runtime | ratio to best |",
                  "|---|---|---|---|---|---|---|"]
        for threads, d in dl4j["timings"].items():
            t = torch["timings"].get(threads, {})
            o = ort.get("timings", {}).get(threads, {})
            single = [v for v in (t.get("single_ms_median"), t.get("frozen_single_ms_median"),
                                  o.get("single_ms_median")) if v]
            batch = [v for v in (t.get("batch64_images_per_s"), t.get("frozen_batch64_images_per_s"),
                                 o.get("batch64_images_per_s")) if v]
            f = lambda v, u: f"{v:.2f} {u}" if v else "-"
            if single:
                lines.append(f"| {threads} | one image, median | {f(d['single_ms_median'], 'ms')} | "
                             f"{f(t.get('single_ms_median'), 'ms')} | {f(t.get('frozen_single_ms_median'), 'ms')} | "
                             f"{f(o.get('single_ms_median'), 'ms')} | {d['single_ms_median'] / min(single):.2f} |")
            if single and d.get("single_network_ms_median"):
                lines.append(f"| {threads} | one image, the network alone (no familiarity check) | "
                             f"{f(d['single_network_ms_median'], 'ms')} | | | | "
                             f"{d['single_network_ms_median'] / min(single):.2f} |")
            if batch:
                lines.append(f"| {threads} | batch of 64 | {f(d['batch64_images_per_s'], 'img/s')} | "
                             f"{f(t.get('batch64_images_per_s'), 'img/s')} | "
                             f"{f(t.get('frozen_batch64_images_per_s'), 'img/s')} | "
                             f"{f(o.get('batch64_images_per_s'), 'img/s')} | "
                             f"{max(batch) / d['batch64_images_per_s']:.2f} |")
            if batch and d.get("batch64_network_images_per_s"):
                lines.append(f"| {threads} | batch of 64, the network alone | "
                             f"{f(d['batch64_network_images_per_s'], 'img/s')} | | | | "
                             f"{max(batch) / d['batch64_network_images_per_s']:.2f} |")

    onednn = [json.loads(l) for l in (read(run / "side" / "onednn.jsonl") or "").splitlines() if l.strip()]
    if onednn:
        load, note = load_note(st.get("onednn"))
        lines += ["", "## Where the one-image gap lies: the same network on oneDNN directly", "",
                  f"`benchmarks/onednn/conv_probe.cpp` (oneDNN {onednn[0]['onednn']}, Debian's build; random weights, "
                  "the default model's shapes, batch norm folded), with what libnd4j does not do: primitives made and "
                  "weights reordered once, not on every call. **cached**: the activations back to NCHW around each "
                  "convolution, ReLU and pooling as separate passes, as DL4J's layers run; **blocked**: the "
                  "activations kept in oneDNN's blocked layout, ReLU fused. Each the median of three alternated "
                  f"rounds. Load at start: {load}{' (**taken under load**)' if 'under' in note else ''}.", "",
                  "| Threads | Measure | DL4J `output()` | oneDNN cached | oneDNN blocked | ONNX Runtime |",
                  "|---|---|---|---|---|---|"]
        for o in onednn:
            threads = o["threads"]
            d = dl4j.get("timings", {}).get(threads, {})
            ort_t = ort.get("timings", {}).get(threads, {})
            if o["batch"] == 1:
                dv, ov = d.get("single_network_ms_median"), ort_t.get("single_ms_median")
                fmt = lambda v: f"{v:.2f} ms" if v else "-"
                lines.append(f"| {threads} | one image | {fmt(dv)} | {fmt(o['cached_ms'])} | "
                             f"{fmt(o['blocked_ms'])} | {fmt(ov)} |")
            else:
                b = o["batch"]
                dv, ov = d.get("batch64_network_images_per_s"), ort_t.get("batch64_images_per_s")
                fmt = lambda v: f"{v:.0f} img/s" if v else "-"
                lines.append(f"| {threads} | batch of {b} | {fmt(dv)} | {fmt(b * 1000 / o['cached_ms'])} | "
                             f"{fmt(b * 1000 / o['blocked_ms'])} | {fmt(ov)} |")

    lines += ["", "## All JMH results (ms per call; SampleTime mode)", "",
              "| Benchmark | ND4J threads (0 = ND4J default) | Native build | median | mean | p90 |",
              "|---|---|---|---|---|---|"]
    for label, res in natives:
        for (key, threads), r in sorted(res.items()):
            lines.append(f"| {key} | {threads} | {label} | {r['median']:.2f} | {r['mean']:.2f} | {r['p90']:.2f} |")
    lines += ["", "Batch inference as images/s (batch size / median time per call):", ""]
    for label, res in natives:
        for (key, threads), r in sorted(res.items()):
            if key.startswith("InferenceBench.batch"):
                size = int(key.rsplit("batch", 1)[1])
                lines.append(f"- {key}, {threads} thread(s), {label}: {size * 1000 / r['median']:.0f} images/s")
    lines += ["", "## Steps", "", "| Step | Started | Seconds | Load before | Load after |", "|---|---|---|---|---|"]
    for name, s in st.items():
        lines.append(f"| {name} | {s['start']} | {s['secs']} | {s['load']} | {s['after']} |")
    lines += ["", "Raw data: `benchmarks/target/run/` (JMH JSON and text, `time -v` output, start-up output, "
              "PyTorch and DL4J JSON)."]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
