// metrics.jsonl lines: MetricsRecord::from_json. An accepted line must survive to_json and
// from_json again.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/run/training_events.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  isl::fuzz::expect_only_input_errors([&] {
    const auto record = isl::MetricsRecord::from_json(line, "fuzz.jsonl, line 1");
    const auto again = isl::MetricsRecord::from_json(record.to_json(), "fuzz-again.jsonl, line 1");
    isl::fuzz::require(again.kind == record.kind && again.round == record.round && again.stage == record.stage &&
                           again.epoch == record.epoch && again.global_epoch == record.global_epoch &&
                           again.values.size() == record.values.size(),
                       "to_json and from_json round trip");
  });
  return 0;
}
