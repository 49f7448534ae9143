#!/usr/bin/python3
"""Loads an exported backbone state dict into the Python networks it is meant for and compares
their forward on a fixed batch with the C++ backbone's.

Usage: check_exported_weights.py ARCH STEM FEATURE_DIM WEIGHTS INPUT EXPECTED
  ARCH alexnet|resnet18|resnet50, STEM cifar|imagenet; WEIGHTS the export, INPUT the images
  and EXPECTED the C++ eval-mode embeddings (both tensors written with torch::pickle_save).
The CIFAR backbones load into tools/isl_models.py's networks, the ResNets also into torchvision's
with the CIFAR stem; ImageNet-stem backbones into torchvision's resnet18/resnet50/alexnet. Every
load is strict, every tensor must have the dtype the Python module keeps, and the L2-normalised
eval-mode outputs must agree with EXPECTED within TOLERANCE (max abs difference; the rows are unit
vectors). Prints {"network": max abs difference, ...} as JSON; exit status 1 on any mismatch,
3 without torch or torchvision.
"""
import json
import pathlib
import sys

try:
    import torch
    import torchvision
    from torch.nn import functional as F
except ImportError as error:
    print(f"{error}; install the Debian packages python3-torch python3-torchvision", file=sys.stderr)
    sys.exit(3)

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools"))
import isl_models  # noqa: E402

TOLERANCE = 1e-4


def networks(arch, stem, feature_dim):
    """(name, module, whether its forward normalises) for every network the export must load into."""
    if stem == "cifar":
        found = [(f"isl_models.{arch}_cifar", getattr(isl_models, f"{arch}_cifar")(feature_dim), True)]
        if arch != "alexnet":
            found.append((f"torchvision.{arch} with the CIFAR stem",
                          isl_models.torchvision_resnet_cifar(arch, feature_dim), False))
        return found
    return [(f"torchvision.{arch}", getattr(torchvision.models, arch)(weights=None, num_classes=feature_dim), False)]


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main():
    arch, stem, feature_dim, weights, images, expected = sys.argv[1:7]
    state = torch.load(weights)
    images = torch.load(images)
    expected = torch.load(expected)
    differences = {}
    for name, net, normalises in networks(arch, stem, int(feature_dim)):
        for key, value in net.state_dict().items():
            if key in state and state[key].dtype != value.dtype:
                fail(f"{weights}: {key} is {state[key].dtype}, {name} keeps {value.dtype}")
        try:
            net.load_state_dict(state, strict=True)
        except RuntimeError as error:
            fail(f"{weights} does not load into {name}: {error}")
        net.eval()
        with torch.no_grad():
            output = net(images)
        if not normalises:
            output = F.normalize(output, dim=1)
        if output.shape != expected.shape:
            fail(f"{name} gives {tuple(output.shape)}, the C++ backbone {tuple(expected.shape)}")
        difference = (output - expected).abs().max().item()
        if not difference <= TOLERANCE:
            fail(f"{name}: max |python - c++| = {difference:.3g} > {TOLERANCE}")
        differences[name] = difference
    print(json.dumps(differences))


if __name__ == "__main__":
    main()
