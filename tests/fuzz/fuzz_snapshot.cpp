// Snapshot files (snapshots/NNNNNN.snap): decode_snapshot. An accepted snapshot must survive
// encode_snapshot and decode_snapshot again.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/run/run_files.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  isl::fuzz::expect_only_input_errors([&] {
    const isl::Snapshot snapshot = isl::decode_snapshot(bytes, "fuzz.snap");
    isl::fuzz::require(snapshot.points.size() == size_t(snapshot.images) * 3, "three coordinates per image");
    isl::fuzz::require(snapshot.labels.size() == size_t(snapshot.images), "one label per image");
    for (int64_t i = 0; i < snapshot.images; ++i) isl::fuzz::require(snapshot.positives.size(i) >= 0, "row sizes");
    const isl::Snapshot again = isl::decode_snapshot(isl::encode_snapshot(snapshot), "fuzz-again.snap");
    isl::fuzz::require(again.images == snapshot.images && again.positives.members == snapshot.positives.members &&
                           again.euclidean.members == snapshot.euclidean.members &&
                           again.proxy_anchors == snapshot.proxy_anchors,
                       "encode and decode round trip");
  });
  return 0;
}
