#pragma once
// The metrics of a run as a CSV table, for spreadsheets and plotting tools.
#include <string>
#include <vector>

#include "core/run/training_events.h"

namespace isl {

// One row per record: kind, round, stage, epoch, global_epoch, seconds, then every metric
// that occurs in any record, in name order; a missing or non-finite value is an empty cell.
// Fields holding a comma, a double quote or a line break are quoted as RFC 4180 says (rows
// end in a line feed). Written atomically; throws InputError naming `path`.
void export_metrics_csv(const std::vector<MetricsRecord>& records, const std::string& path);

}  // namespace isl
