#pragma once
// Snapshots and run directories with known content, for testing the panels without training.
#include <string>

#include "core/data/image_dataset.h"
#include "core/run/training_events.h"

namespace isl::test {

// `images` points in `classes` well separated clusters; image i has label i % classes and a
// positive set of itself plus `positives` members added in rounds 0 and 1, the first
// `wrong` of which carry another label; Euclidean rows of the same sizes; proxies for the
// first `proxies` images.
Snapshot synthetic_snapshot(int64_t images, int classes, int positives, int wrong, int proxies,
                            int global_epoch = 3);
// A run directory with config.json, `epochs` metrics lines and one snapshot per epoch.
void write_synthetic_run(const std::string& directory, int64_t images, int epochs);
// Small images whose pixels encode the index, so a test can recognise a thumbnail.
std::shared_ptr<const data::ImageDataset> synthetic_dataset(int64_t images, int classes);

}  // namespace isl::test
