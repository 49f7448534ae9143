#!/usr/bin/env python3
"""Writes the seed corpora in tests/fuzz/corpus/<target>/: a few small valid inputs and
near-valid ones (one field wrong) per reader. Run again after changing it; the fuzz
targets' own findings (regressions) are added by hand as crash-*/regress-* files."""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


def idx(magic, dims, payload):
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + bytes(payload)


def idx_corpus():
    write("idx", "images-3x4x4", idx(0x803, [3, 4, 4], range(48)))
    write("idx", "images-1x28x28", idx(0x803, [1, 28, 28], [i % 256 for i in range(784)]))
    write("idx", "labels-5", idx(0x801, [5], [0, 1, 9, 3, 4]))
    write("idx", "labels-out-of-range", idx(0x801, [2], [3, 10]))
    write("idx", "images-truncated", idx(0x803, [3, 4, 4], range(40)))
    write("idx", "images-extra-bytes", idx(0x803, [1, 2, 2], range(6)))
    write("idx", "images-header-only", idx(0x803, [2, 3], []))
    write("idx", "wrong-magic", idx(0x802, [1, 1, 1], [0]))


def cifar_corpus():
    pixels = bytes(i % 251 for i in range(3072))
    write("cifar", "cifar10-2-rows", bytes([3]) + pixels + bytes([9]) + pixels)
    write("cifar", "cifar100-1-row", bytes([19, 99]) + pixels)
    write("cifar", "cifar10-label-10", bytes([10]) + pixels)
    write("cifar", "cifar100-coarse-20", bytes([20, 5]) + pixels)
    write("cifar", "truncated-row", bytes([1]) + pixels[:100])


# MATLAB 5 files, uncompressed, as matio and scipy write them.
MI_INT8, MI_UINT8, MI_INT32, MI_UINT32, MI_DOUBLE, MI_MATRIX = 1, 2, 5, 6, 9, 14
MX_DOUBLE, MX_UINT8, MX_CHAR = 6, 9, 4


def element(kind, payload):
    if 0 < len(payload) <= 4:  # small data element: tag and data in 8 bytes
        return struct.pack("<HH", kind, len(payload)) + payload.ljust(4, b"\0")
    padded = payload + b"\0" * (-len(payload) % 8)
    return struct.pack("<II", kind, len(payload)) + padded


def matrix(name, mx_class, dims, data_type, data):
    body = element(MI_UINT32, struct.pack("<II", mx_class, 0))
    body += element(MI_INT32, b"".join(struct.pack("<i", d) for d in dims))
    body += element(MI_INT8, name.encode())
    body += element(data_type, data)
    return struct.pack("<II", MI_MATRIX, len(body)) + body


def mat_file(*variables):
    text = b"MATLAB 5.0 MAT-file, written by ISL Studio's fuzz corpus".ljust(116, b" ")
    header = text + b"\0" * 8 + struct.pack("<H", 0x0100) + b"IM"
    return header + b"".join(variables)


def svhn_corpus():
    n = 2
    x = matrix("X", MX_UINT8, [32, 32, 3, n], MI_UINT8, bytes(i % 256 for i in range(3072 * n)))
    y = matrix("y", MX_DOUBLE, [n, 1], MI_DOUBLE, struct.pack("<2d", 10, 3))
    write("svhn", "valid-2", mat_file(x, y))
    write("svhn", "y-as-uint8", mat_file(x, matrix("y", MX_DOUBLE, [n, 1], MI_UINT8, bytes([1, 2]))))
    write("svhn", "label-11", mat_file(x, matrix("y", MX_DOUBLE, [n, 1], MI_DOUBLE, struct.pack("<2d", 11, 3))))
    write("svhn", "y-short", mat_file(x, matrix("y", MX_DOUBLE, [1, 1], MI_DOUBLE, struct.pack("<d", 1))))
    write("svhn", "no-y", mat_file(x))
    write("svhn", "x-grey", mat_file(matrix("X", MX_UINT8, [32, 32, 1, 1], MI_UINT8, bytes(1024)),
                                     matrix("y", MX_DOUBLE, [1, 1], MI_DOUBLE, struct.pack("<d", 1))))
    write("svhn", "x-truncated", mat_file(x)[:-3000])
    write("svhn", "not-matlab", b"not a MATLAB file\n")


def snapshot(images=3, num_classes=10, positives=None, euclidean=None, proxies=(1,), metrics=None,
             stage="gan", projection_dim=None, tail=b""):
    positives = positives or [[i] for i in range(images)]
    euclidean = euclidean or [[] for _ in range(images)]
    header = {"round": 1, "stage": stage, "epoch": 2, "global_epoch": 7, "images": images,
              "num_classes": num_classes, "positives": sum(map(len, positives)),
              "euclidean": sum(map(len, euclidean)), "proxies": len(proxies),
              "metrics": metrics if metrics is not None else {"knn_top1": 0.25, "precision_isl": None}}
    if projection_dim is not None:
        header["projection_dim"] = projection_dim
    text = json.dumps(header, separators=(",", ":")).encode()
    out = b"ISLSNAP1" + struct.pack("<Q", len(text)) + text
    out += struct.pack(f"<{3 * images}f", *[0.5 * i for i in range(3 * images)])
    out += struct.pack(f"<{images}i", *[i % max(num_classes, 1) for i in range(images)])
    for rows in (positives, euclidean):
        offsets = [0]
        for row in rows:
            offsets.append(offsets[-1] + len(row))
        members = [m for row in rows for m in row]
        out += struct.pack(f"<{len(offsets)}q", *offsets)
        out += struct.pack(f"<{len(members)}q", *members)
        out += struct.pack(f"<{len(members)}h", *[-1 if k == 0 else 1 for row in rows for k in range(len(row))])
    out += struct.pack(f"<{len(proxies)}q", *proxies)
    out += struct.pack(f"<{3 * len(proxies)}f", *[0.25] * (3 * len(proxies)))
    out += struct.pack(f"<{len(proxies)}f", *[0.75] * len(proxies))
    if projection_dim and projection_dim > 0:
        out += struct.pack(f"<{projection_dim}f", *[0.125] * projection_dim)
        out += struct.pack(f"<{3 * projection_dim}f", *[float(k % 2) for k in range(3 * projection_dim)])
    return out + tail


def snapshot_corpus():
    write("snapshot", "valid-3", snapshot())
    write("snapshot", "valid-mined", snapshot(images=4, positives=[[0, 2], [1], [2, 0, 3], [3]],
                                              euclidean=[[1], [0], [3], [2]], proxies=(0, 2)))
    write("snapshot", "empty", snapshot(images=0, proxies=(), num_classes=0))
    write("snapshot", "member-out-of-range", snapshot(images=2, positives=[[0, 5], [1]]))
    write("snapshot", "proxy-out-of-range", snapshot(images=2, proxies=(7,)))
    write("snapshot", "trailing-bytes", snapshot(tail=b"xx"))
    write("snapshot", "truncated", snapshot()[:-5])
    write("snapshot", "bad-stage", snapshot(stage="warmup"))
    write("snapshot", "wrong-magic", b"ISLSNAP2" + snapshot()[8:])
    write("snapshot", "valid-projected", snapshot(projection_dim=4))
    write("snapshot", "projection-truncated", snapshot(projection_dim=4)[:-6])
    write("snapshot", "projection-negative", snapshot(projection_dim=-2))


def metrics_corpus():
    write("metrics", "epoch", '{"kind":"epoch","round":0,"stage":"backbone","epoch":3,"global_epoch":3,'
                              '"seconds":12.5,"loss_backbone":4.25,"images_per_second":812.0}')
    write("metrics", "eval", '{"kind":"eval","round":1,"stage":"mining","epoch":0,"global_epoch":9,'
                             '"seconds":99.0,"knn_top1":0.61,"precision_isl":null,"mined_pairs":1024}')
    write("metrics", "missing-stage", '{"kind":"eval","round":1,"epoch":0,"global_epoch":9,"seconds":1}')
    write("metrics", "value-string", '{"kind":"eval","round":1,"stage":"gan","epoch":0,"global_epoch":9,'
                                     '"seconds":1,"knn_top1":"high"}')
    write("metrics", "round-float", '{"kind":"epoch","round":1.5,"stage":"gan","epoch":0,"global_epoch":0,'
                                    '"seconds":1}')
    write("metrics", "not-json", '{"kind":"epoch",')


def config_corpus():
    full = {"data_kind": "mnist", "data_path": "", "max_train_images": 64, "max_test_images": 32,
            "arch": "alexnet", "imagenet_stem": False, "feature_dim": 16, "method": "isl", "rounds": 2,
            "backbone_epochs": 1, "gan_epochs": 1, "mining_epochs": 1, "batch": 32, "seed": 7,
            "temperature": 0.1, "learning_rate": 0.03, "lr_schedule": "step", "precision_set_sizes": [2, 10],
            "device": "cpu", "precision": "fp32", "loader_workers": 1}
    write("config", "full", json.dumps(full, indent=2) + "\n")
    write("config", "empty-object", "{}")
    write("config", "unknown-key", '{"rounds": 2, "colour": "blue"}')
    write("config", "wrong-type", '{"rounds": "two"}')
    write("config", "out-of-range", '{"temperature": 0}')
    write("config", "bad-choice", '{"arch": "vgg16"}')
    write("config", "empty-sizes", '{"precision_set_sizes": []}')
    write("config", "seed-negative", '{"seed": -1}')
    write("config", "not-object", "[1, 2, 3]")
    write("config", "not-json", '{"rounds": ')


if __name__ == "__main__":
    idx_corpus()
    cifar_corpus()
    svhn_corpus()
    snapshot_corpus()
    metrics_corpus()
    config_corpus()
