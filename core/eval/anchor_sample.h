#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace isl::eval {

constexpr int64_t kComparedAnchors = 4096;

// The anchors whose sets are compared with their Euclidean neighbourhoods: all of `anchors`
// (1-D int64, increasing) when there are at most `most`, else a deterministic sample of `most`
// of them, increasing, on the same device.
//
// Why a sample: the comparison scores each anchor against the whole bank (A x N x D), and with
// A ~ N images holding positives that is quadratic in N, per evaluation and per snapshot. The
// precision is a mean over anchors of a fraction in [0, 1], whose standard deviation is at most
// 0.5, so from 4,096 anchors its standard error is at most 0.5 / sqrt(4096) = 0.78 points (less
// in practice, and less again as the sample is drawn without replacement) while the cost stays
// 4,096 x N x D.
//
// How: each image gets a priority, a hash of (seed, its index), and the `most` anchors of
// lowest priority are taken. So the sample depends on the seed and on which images are anchors,
// not on the device or the order of calls; an image keeps its priority from one evaluation to
// the next, the snapshot's Euclidean rows (SnapshotBuilder) are those of the same anchors as the
// evaluation's precision_euclidean with the same seed, and the sample at a set size K
// (precision_euclidean_at_K, fewer eligible anchors) favours the same images.
torch::Tensor compared_anchors(const torch::Tensor& anchors, uint64_t seed, int64_t most = kComparedAnchors);

}  // namespace isl::eval
