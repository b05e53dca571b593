"""The bundled CNN in PyTorch, with the weights LungLens exported, timed like SideBySide.java.

Usage: python3 torch_bench.py EXPORT_DIR QUICK(true|false) THREADS[,THREADS]
Reads EXPORT_DIR/dl4j.json (weight list), inputs.f32, outputs.f32; checks that
PyTorch gives DL4J's outputs on the same 64 real inputs, then times one image, a batch of 64 and training
steps of 64 (Adam, fresh weights), in eager mode and as frozen TorchScript (trace, freeze,
optimize_for_inference: batch norm folded into the convolutions, as LungLens does), which is what a PyTorch user
deploys. Writes EXPORT_DIR/torch.json and the network with its softmax as EXPORT_DIR/net.onnx for ONNX Runtime
(OnnxRuntimeBench.java).
"""
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

SIZE = 128


def load(export, entry):
    p = entry["params"]
    return {k: torch.from_numpy(np.fromfile(export / "weights" / v["file"], dtype="<f4").reshape(v["shape"]))
            for k, v in p.items()}


def build(export, layers, classes):
    """LungLens' CNN, layer for layer from DL4J's list: a strided stem convolution, 3x3 convolutions (each
    followed by ReLU, or batch norm + ReLU), 2x2 max pools where DL4J has them, global average pool, dropout
    0.3, linear."""
    mods = []
    kinds = [l["type"] for l in layers]
    batch_norm = "BatchNormalization" in kinds
    params = {l["index"]: load(export, l) for l in layers if l["params"]} if export else {}
    pairs = []  # (torch module, DL4J layer index) whose weights get copied
    first_conv = True
    for i, l in enumerate(layers):
        kind = l["type"]
        if kind == "ConvolutionLayer":
            out_ch, in_ch, k, _ = l["params"]["W"]["shape"]
            stride = k if first_conv else 1
            conv = nn.Conv2d(in_ch, out_ch, k, stride=stride, padding=0 if first_conv else k // 2,
                             bias=not batch_norm)
            first_conv = False
            mods.append(conv)
            pairs.append((conv, l["index"]))
            if i + 1 < len(layers) and layers[i + 1]["type"] != "BatchNormalization":
                mods.append(nn.ReLU())  # DL4J's convolution applies its own ReLU when no batch norm follows
        elif kind == "BatchNormalization":
            # DL4J's default batch norm keeps log10 of the running std and normalises by sqrt(std^2 + eps):
            # running_var = std^2 reproduces DL4J's outputs to 5e-7 (std^2 - eps missed by 3e-3)
            bn = nn.BatchNorm2d(l["params"]["gamma"]["shape"][-1], eps=1e-5, momentum=0.1)
            mods.append(bn)
            pairs.append((bn, l["index"]))
        elif kind == "ActivationLayer":
            mods.append(nn.ReLU())
        elif kind == "SubsamplingLayer":
            mods.append(nn.MaxPool2d(2))
        elif kind == "GlobalPoolingLayer":
            mods += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
        elif kind == "DropoutLayer":
            mods.append(nn.Dropout(0.3))
        elif kind == "OutputLayer":
            linear = nn.Linear(l["params"]["W"]["shape"][0], classes)
            mods.append(linear)
            pairs.append((linear, l["index"]))
        else:
            raise ValueError(f"layer {i}: no PyTorch twin for DL4J's {kind}")
    net = nn.Sequential(*mods)
    if export:
        with torch.no_grad():
            for m, index in pairs:
                p = params[index]
                if isinstance(m, nn.BatchNorm2d):
                    m.weight.copy_(p["gamma"].reshape(-1))
                    m.bias.copy_(p["beta"].reshape(-1))
                    m.running_mean.copy_(p["mean"].reshape(-1))
                    var = p["var"].reshape(-1) if "var" in p else (10 ** p["log10stdev"].reshape(-1)) ** 2
                    m.running_var.copy_(var)
                    continue
                # DL4J's dense W is [nIn, nOut]; conv W is [out, in, kh, kw] as in PyTorch. Biases may be [1, n].
                m.weight.copy_(p["W"].T if isinstance(m, nn.Linear) else p["W"])
                if m.bias is not None:
                    m.bias.copy_(p["b"].reshape(-1))
    return net


def median_ms(reps, call):
    for _ in range(max(3, reps // 10)):
        call()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cpu_ms(reps, call):
    """Mean process CPU ms per call (all threads): a fairer figure than the wall clock on a busy machine."""
    start = time.process_time()
    for _ in range(reps):
        call()
    return (time.process_time() - start) * 1000 / reps


def main():
    export = Path(sys.argv[1])
    quick = sys.argv[2] == "true"
    thread_counts = [int(t) for t in sys.argv[3].split(",")]
    meta = json.loads((export / "dl4j.json").read_text())
    classes = len(meta["classes"])
    layers = meta["weights"]
    x = torch.from_numpy(np.fromfile(export / "inputs.f32", dtype="<f4").reshape(-1, 1, SIZE, SIZE))
    expected = np.fromfile(export / "outputs.f32", dtype="<f4").reshape(x.shape[0], classes)

    net = build(export, layers, classes).eval()
    with torch.no_grad():
        probs = torch.softmax(net(x), dim=1).numpy()
    max_diff = float(np.abs(probs - expected).max())

    # What a PyTorch user deploys: frozen TorchScript (batch norm folded), and the same network for ONNX Runtime
    with_softmax = nn.Sequential(net, nn.Softmax(dim=1)).eval()
    with torch.no_grad():
        frozen = torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.trace(with_softmax, x[:1])))
        frozen_diff = float(np.abs(frozen(x).numpy() - expected).max())
        torch.onnx.export(with_softmax, x[:1], str(export / "net.onnx"), input_names=["x"], output_names=["p"],
                          dynamic_axes={"x": {0: "n"}, "p": {0: "n"}}, opset_version=13)

    reps = 100 if quick else 400
    timings = {}
    for threads in thread_counts:
        torch.set_num_threads(threads)
        t = {}
        with torch.inference_mode():
            single = lambda: torch.softmax(net(x[:1]), dim=1)
            batch = lambda: torch.softmax(net(x), dim=1)
            batch_reps = 10 if quick else 30
            t["single_ms_median"] = median_ms(reps, single)
            t["single_cpu_ms_mean"] = cpu_ms(reps, single)
            t["batch64_images_per_s"] = 64_000 / median_ms(batch_reps, batch)
            t["batch64_cpu_images_per_s"] = 64_000 / cpu_ms(batch_reps, batch)
            t["frozen_single_ms_median"] = median_ms(reps, lambda: frozen(x[:1]))
            t["frozen_batch64_images_per_s"] = 64_000 / median_ms(batch_reps, lambda: frozen(x))
        t["train_images_per_s"] = train_images_per_s(layers, classes, x, 10 if quick else 40)
        timings[str(threads)] = t
    result = {"torch": torch.__version__, "max_abs_diff_vs_dl4j": max_diff, "timings": timings,
              "parity_ok": max_diff <= 1e-4, "frozen_max_abs_diff_vs_dl4j": frozen_diff}
    (export / "torch.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


def train_images_per_s(layers, classes, x, steps):
    torch.manual_seed(42)
    net = build(None, layers, classes).train()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)
    y = torch.arange(x.shape[0]) % classes
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()

    for _ in range(3):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * x.shape[0] / (time.perf_counter() - start)


if __name__ == "__main__":
    main()
