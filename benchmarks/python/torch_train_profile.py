"""Where one PyTorch training step's time goes, layer by layer: the twin of TrainingProfile.java.

Usage: python3 torch_train_profile.py EXPORT_DIR THREADS REPS
Builds LungLens' network from EXPORT_DIR/dl4j.json (fresh weights, as torch_bench.py trains it), then times a
whole Adam step on a batch of 64, forward + backward without the update, and each module's forward (training
mode) and backward alone (its input requires a gradient, as every layer's but the first does inside a network;
the first layer's row also gives the time without the input's gradient, which training never needs).
"""
import json
import sys
from pathlib import Path

import torch
from torch import nn

from torch_bench import build, median_ms

BATCH = 64
SIZE = 128


def main():
    export = Path(sys.argv[1])
    torch.set_num_threads(int(sys.argv[2]))
    reps = int(sys.argv[3])
    meta = json.loads((export / "dl4j.json").read_text())
    classes = len(meta["classes"])
    torch.manual_seed(42)
    net = build(None, meta["weights"], classes).train()
    x = torch.rand(BATCH, 1, SIZE, SIZE)
    y = torch.arange(BATCH) % classes
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)

    def step():
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()

    def gradient():
        opt.zero_grad()
        loss_fn(net(x), y).backward()

    fit = median_ms(reps, step)
    grad = median_ms(reps, gradient)
    print(f"threads {torch.get_num_threads()}, torch {torch.__version__}")
    print(f"batch {BATCH}: fit {fit:.1f} ms ({BATCH * 1000 / fit:.1f} images/s); forward + backward {grad:.1f} ms; "
          f"update and the rest {fit - grad:.1f} ms")

    print(f"{'module':<32} {'input shape':<20} {'forward ms':>10} {'backward ms':>12}")
    sums = [0.0, 0.0]
    h = x
    for i, m in enumerate(net):
        inp = h.detach().requires_grad_(i > 0)
        fwd = median_ms(reps, lambda: m(inp))
        out = m(inp)
        grad_out = torch.randn_like(out)
        if i == len(net) - 1:
            out = loss_fn(out, y)
            grad_out = None
        bwd = median_ms(reps, lambda: out.backward(grad_out, retain_graph=True)) if out.requires_grad else 0.0
        note = ""
        if i == 0:
            inp_grad = h.detach().requires_grad_(True)
            out_g = m(inp_grad)
            g = torch.randn_like(out_g)
            note = f"  (with the input's gradient: {median_ms(reps, lambda: out_g.backward(g, retain_graph=True)):.2f})"
        shape = "x".join(str(d) for d in inp.shape)
        print(f"{i:2d} {type(m).__name__:<29} {shape:<20} {fwd:10.2f} {bwd:12.2f}{note}")
        sums[0] += fwd
        sums[1] += bwd
        h = m(h.detach()).detach()
    print(f"   sum of modules{'':<37} {sums[0]:10.1f} {sums[1]:12.1f}")


if __name__ == "__main__":
    main()
