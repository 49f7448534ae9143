#include "core/run/set_statistics.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "core/run/run_files.h"

namespace isl {

SetStatistics set_statistics(const SetRows& sets) {
  SetStatistics s;
  s.images = sets.offsets.empty() ? 0 : int64_t(sets.offsets.size()) - 1;
  std::vector<int64_t> positives(size_t(s.images), 0);
  for (int64_t image = 0; image < s.images; ++image)
    for (int64_t k = sets.offsets[size_t(image)]; k < sets.offsets[size_t(image) + 1]; ++k)
      if (sets.members[size_t(k)] != image) ++positives[size_t(image)];
  for (int64_t count : positives) {
    s.pairs += count;
    s.largest_set = std::max(s.largest_set, count);
  }
  if (s.images == 0) return s;
  s.pairs_per_image = double(s.pairs) / double(s.images);
  s.hub_sets = (s.images + 99) / 100;
  std::partial_sort(positives.begin(), positives.begin() + s.hub_sets, positives.end(), std::greater<>());
  int64_t hub_pairs = 0;
  for (int64_t k = 0; k < s.hub_sets; ++k) hub_pairs += positives[size_t(k)];
  if (s.pairs > 0) s.hub_share = double(hub_pairs) / double(s.pairs);
  return s;
}

std::optional<SnapshotSetStatistics> latest_set_statistics(const std::string& run_directory) {
  const auto files = list_snapshot_files(run_directory);
  std::optional<SnapshotSetStatistics> newest;
  for (auto file = files.rbegin(); file != files.rend(); ++file) {
    const Snapshot snapshot = read_snapshot_file(*file);
    SnapshotSetStatistics found{*file, snapshot.global_epoch, set_statistics(snapshot.positives)};
    if (found.statistics.pairs > 0) return found;
    if (!newest) newest = std::move(found);
  }
  return newest;
}

}  // namespace isl
