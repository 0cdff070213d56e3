#!/usr/bin/python3
"""Regenerates the ONNX fixtures of OnnxFixturesTest: small PyTorch models exported by PyTorch's own
exporter (torch.onnx.export), with PyTorch's outputs on a few MNIST digits saved beside them.

Needs Debian's python3-torch and python3-onnx (run with /usr/bin/python3 from this directory):
    apt-get install -y python3-torch python3-onnx
    /usr/bin/python3 make_fixtures.py /work/shared/data/mnist
The argument is a directory holding digits-10k-images-idx3-ubyte.gz and digits-10k-labels-idx1-ubyte.gz,
the same 10,000 digits the library bundles (dev.tfe.data.Mnist): the first 8,000 train, the last 2,000
are held back. Random weights are multiples of 1/16 (weights) or 1/32 (biases) so that the gzip'd models stay small; the MLP is
trained for real on the 8,000 training digits.

Writes, per model NAME: NAME.onnx.gz (the exported model, gzip'd) and NAME.json: the indices of the
input digits in the 10k file, their pixel sum (a check that the Java side reads the same digits),
whether the model takes images (NCHW [N, 1, 28, 28]) or vectors ([N, 784]), and PyTorch's outputs
(and, for the trained MLP, PyTorch's accuracy on the 2,000 held-back digits).
"""
import gzip
import io
import json
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
HELD_BACK = 8000
REFERENCE_DIGITS = list(range(HELD_BACK, HELD_BACK + 8))


def read_digits(directory):
    with gzip.open(os.path.join(directory, "digits-10k-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / 255
    with gzip.open(os.path.join(directory, "digits-10k-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return images, labels


def quantize_(model, generator):
    """Random weights k/16, k in -1..1, biases k/32, k in -3..3; running statistics of batch norms random too."""
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() > 1:
                p.copy_(torch.randint(-1, 2, p.shape, generator=generator).float() / 16)
            else:
                p.copy_(torch.randint(-3, 4, p.shape, generator=generator).float() / 32)
        for m in model.modules():
            if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
                m.running_mean.copy_(torch.randint(-8, 9, m.running_mean.shape, generator=generator).float() / 32)
                m.running_var.copy_(torch.randint(16, 64, m.running_var.shape, generator=generator).float() / 32)
                m.weight.copy_(torch.randint(16, 48, m.weight.shape, generator=generator).float() / 32)
    return model


class NetworkB(nn.Module):
    """SecureNN's network B; flattens with view(), which the exporter turns into a Reshape."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 5)
        self.conv2 = nn.Conv2d(16, 16, 5)
        self.fc1 = nn.Linear(256, 100)
        self.fc2 = nn.Linear(100, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = x.view(x.size(0), -1)
        return self.fc2(F.relu(self.fc1(x)))


class NetworkD(nn.Module):
    """SecureNN's network D: its convolution is TensorFlow's SAME (pads 1 before, 2 after at stride 2)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 5, 5, stride=2)
        self.fc1 = nn.Linear(980, 100)
        self.fc2 = nn.Linear(100, 10)

    def forward(self, x):
        x = F.relu(self.conv(F.pad(x, (1, 2, 1, 2))))
        x = x.view(x.size(0), -1)
        return self.fc2(F.relu(self.fc1(x)))


class Mlp(nn.Module):
    """784-32-10 with explicit parameters (MatMul + Add), BatchNorm1d and Dropout."""

    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(784, 32) * 0.05)
        self.b1 = nn.Parameter(torch.zeros(32))
        self.bn = nn.BatchNorm1d(32)
        self.drop = nn.Dropout(0.1)
        self.w2 = nn.Parameter(torch.randn(32, 10) * 0.1)
        self.b2 = nn.Parameter(torch.zeros(10))

    def forward(self, x):
        x = self.drop(F.relu(self.bn(x @ self.w1 + self.b1)))
        return x @ self.w2 + self.b2


def models():
    """(name, model, takes images, dynamic batch axis, needs training)."""
    network_a = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 10))
    network_c = nn.Sequential(nn.Conv2d(1, 20, 5), nn.MaxPool2d(2), nn.ReLU(), nn.Conv2d(20, 50, 5), nn.MaxPool2d(2),
                              nn.ReLU(), nn.Flatten(), nn.Linear(800, 500), nn.ReLU(), nn.Dropout(0.5),
                              nn.Linear(500, 10), nn.Softmax(dim=1))
    bn_pool = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.BatchNorm2d(6), nn.AvgPool2d(2),
                            nn.Conv2d(6, 8, 3, padding=1), nn.Sigmoid(),
                            nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False),
                            nn.Conv2d(8, 12, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                            nn.Linear(12, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 10))
    return [("network_a", network_a, False, True, False),
            ("network_b", NetworkB(), True, False, False),
            ("network_c", network_c, True, True, False),
            ("network_d", NetworkD(), True, True, False),
            ("bn_pool", bn_pool, True, False, False),
            ("mlp_trained", Mlp(), False, True, True)]


def train(model, images, labels):
    torch.manual_seed(1)
    x = torch.from_numpy(images[:HELD_BACK])
    y = torch.from_numpy(labels[:HELD_BACK])
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    model.train()
    for epoch in range(3):
        order = torch.randperm(HELD_BACK)
        for i in range(0, HELD_BACK, 64):
            idx = order[i:i + 64]
            opt.zero_grad()
            F.cross_entropy(model(x[idx]), y[idx]).backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        held = model(torch.from_numpy(images[HELD_BACK:])).argmax(1).numpy()
    accuracy = float((held == labels[HELD_BACK:]).mean())
    print("mlp_trained: held-back accuracy %.2f%%" % (100 * accuracy))
    return accuracy


def export(name, model, images_in, dynamic, digits, extra):
    x = torch.from_numpy(digits)
    if images_in:
        x = x.reshape(-1, 1, 28, 28)
    model.eval()
    with torch.no_grad():
        expected = model(x).numpy()
    buf = io.BytesIO()
    example = x if dynamic else x[:1]
    torch.onnx.export(model, example, buf, opset_version=13, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}} if dynamic else None)
    onnx.checker.check_model(onnx.load_from_string(buf.getvalue()))
    with gzip.GzipFile(os.path.join(HERE, name + ".onnx.gz"), "wb", mtime=0) as f:
        f.write(buf.getvalue())
    ops = sorted({n.op_type for n in onnx.load_from_string(buf.getvalue()).graph.node})
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump({"model": name + ".onnx.gz", "images": images_in, "dynamic_batch": dynamic, "ops": ops,
                   "digits": REFERENCE_DIGITS, "pixel_sum": float(digits.astype(np.float64).sum()),
                   "outputs": expected.astype(np.float64).tolist(), **extra}, f, indent=1)
    print(name, ops, os.path.getsize(os.path.join(HERE, name + ".onnx.gz")), "bytes")


def main():
    images, labels = read_digits(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/mnist")
    generator = torch.Generator().manual_seed(16)
    digits = images[REFERENCE_DIGITS]
    for name, model, images_in, dynamic, trained in models():
        extra = {}
        if trained:
            torch.manual_seed(0)
            model = Mlp()
            extra["held_back_accuracy"] = train(model, images, labels)
        else:
            quantize_(model, generator)
        export(name, model, images_in, dynamic, digits, extra)


if __name__ == "__main__":
    main()
