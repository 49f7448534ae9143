#pragma once
// How many pairs mining has made and how they are spread over the images: a few huge sets
// ("hubs") would hold most pairs while most images have none.
#include <cstdint>
#include <optional>
#include <string>

#include "core/run/training_events.h"

namespace isl {

struct SetStatistics {
  int64_t images = 0;
  // Anchor-positive pairs: the members of every image's set other than the image itself.
  int64_t pairs = 0;
  double pairs_per_image = 0;  // pairs / images
  int64_t largest_set = 0;     // most positives of one image
  // The 1% largest sets: ceil(images / 100) of them, the largest by positives (ties do not
  // change the count), and the share of all pairs that they hold; empty without pairs.
  int64_t hub_sets = 0;
  std::optional<double> hub_share;
};

SetStatistics set_statistics(const SetRows& sets);

// The statistics of a run's newest snapshot in which some image has a positive, or of its
// newest snapshot where none has (a run that mines nothing); empty without snapshots.
struct SnapshotSetStatistics {
  std::string snapshot;  // the file read
  int global_epoch = 0;
  SetStatistics statistics;
};
std::optional<SnapshotSetStatistics> latest_set_statistics(const std::string& run_directory);

}  // namespace isl
