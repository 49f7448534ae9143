#include "result_tables.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>

namespace isl::report {

namespace {

std::string formatted(const char* format, double a, double b, int count) {
  char text[96];
  std::snprintf(text, sizeof text, format, a, b, count);
  return text;
}

std::string spread_text(const std::optional<Spread>& s, double scale, const char* format) {
  return s ? formatted(format, scale * s->mean, scale * s->deviation, s->count) : "–";
}

// Mean, deviation and count as three CSV fields (empty without values).
void append_spread(std::vector<std::string>& row, const std::optional<Spread>& s) {
  row.push_back(s ? csv_number(s->mean) : "");
  row.push_back(s ? csv_number(s->deviation) : "");
  row.push_back(std::to_string(s ? s->count : 0));
}

void append_spread_header(std::vector<std::string>& header, const std::string& key) {
  for (const char* part : {"_mean", "_deviation", "_count"}) header.push_back(key + part);
}

std::optional<Spread> spread_over(const std::vector<const RunFigures*>& runs,
                                  const std::function<std::optional<double>(const RunFigures&)>& value) {
  std::vector<double> values;
  for (const RunFigures* run : runs)
    if (auto v = value(*run)) values.push_back(*v);
  return spread(values);
}

// The set statistics the tables show, each as a run's optional value.
struct SetFigure {
  std::string key;
  std::string title;
  double shown_scale;  // 100 for shares shown in percent
  const char* format;
  std::function<std::optional<double>(const SetStatistics&)> value;
};
const std::vector<SetFigure>& set_figures() {
  static const std::vector<SetFigure> figures = {
      {"pairs", "pairs", 1, "%.1f ± %.1f (%d)", [](const SetStatistics& s) { return std::optional<double>(double(s.pairs)); }},
      {"pairs_per_image", "pairs per image", 1, "%.3f ± %.3f (%d)",
       [](const SetStatistics& s) { return std::optional<double>(s.pairs_per_image); }},
      {"largest_set", "largest set (positives)", 1, "%.1f ± %.1f (%d)",
       [](const SetStatistics& s) { return std::optional<double>(double(s.largest_set)); }},
      {"hub_share", "share of pairs in the 1% largest sets (%)", 100, "%.1f ± %.1f (%d)",
       [](const SetStatistics& s) { return s.hub_share; }}};
  return figures;
}

}  // namespace

const std::vector<FinalFigure>& final_figures() {
  static const std::vector<FinalFigure> figures = {
      {"knn_top1_final", "weighted kNN top-1, recomputed features (%)", &RunFigures::knn_final},
      {"linear_top1", "linear probe top-1 (%)", &RunFigures::linear_top1}};
  return figures;
}

PairedVerdict paired_verdict(const std::optional<Spread>& differences) {
  if (!differences || differences->count < 2) return PairedVerdict::NotEnoughSeeds;
  const double threshold = 2 * differences->deviation / std::sqrt(double(differences->count));
  return std::abs(differences->mean) > threshold ? PairedVerdict::BeyondSpread : PairedVerdict::WithinSpread;
}

std::string to_string(PairedVerdict verdict) {
  switch (verdict) {
    case PairedVerdict::NotEnoughSeeds: return "not enough seeds";
    case PairedVerdict::WithinSpread: return "within the spread";
    case PairedVerdict::BeyondSpread: return "beyond the spread";
  }
  return {};
}

std::vector<PairedDifference> paired_differences(const ExperimentFigures& figures) {
  std::vector<PairedDifference> differences;
  const auto& labels = figures.experiment.labels;
  for (size_t m = 1; m < labels.size(); ++m)
    for (const FinalFigure& figure : final_figures()) {
      PairedDifference d{labels[m], labels.front(), figure, {}, {}, PairedVerdict::NotEnoughSeeds};
      std::vector<double> values;
      for (uint64_t seed : figures.experiment.seeds) {
        const RunFigures* mine = run_of(figures, labels[m], seed);
        const RunFigures* theirs = run_of(figures, labels.front(), seed);
        if (!mine || !theirs || !(mine->*figure.value) || !(theirs->*figure.value)) continue;
        const double difference = *(mine->*figure.value) - *(theirs->*figure.value);
        d.by_seed.emplace_back(seed, difference);
        values.push_back(difference);
      }
      d.spread = spread(values);
      d.verdict = paired_verdict(d.spread);
      differences.push_back(std::move(d));
    }
  return differences;
}

std::string percent_spread_text(const std::optional<Spread>& spread) {
  return spread_text(spread, 100, "%.2f ± %.2f (%d)");
}

std::string paired_spread_text(const std::optional<Spread>& spread) {
  return spread_text(spread, 100, "%+.2f ± %.2f (%d)");
}

Table final_accuracy_table(const ExperimentFigures& figures) {
  Table table;
  table.file = "table1.csv";
  table.csv_header = {"method"};
  table.shown_header = {"method"};
  for (const FinalFigure& figure : final_figures()) {
    append_spread_header(table.csv_header, figure.key);
    table.shown_header.push_back(figure.title);
  }
  for (const auto& label : figures.experiment.labels) {
    std::vector<std::string> csv = {label}, shown = {label};
    for (const FinalFigure& figure : final_figures()) {
      const auto s = spread_over(runs_of(figures, label), [&](const RunFigures& run) { return run.*figure.value; });
      append_spread(csv, s);
      shown.push_back(percent_spread_text(s));
    }
    table.csv_rows.push_back(csv);
    table.shown_rows.push_back(shown);
  }
  return table;
}

Table paired_difference_table(const ExperimentFigures& figures) {
  Table table;
  table.file = "paired_differences.csv";
  table.csv_header = {"method", "minus", "figure", "seed", "difference"};
  table.shown_header = {"comparison", "figure", "seed", "difference (percentage points)"};
  for (const PairedDifference& d : paired_differences(figures))
    for (const auto& [seed, difference] : d.by_seed) {
      table.csv_rows.push_back({d.label, d.first, d.figure.key, std::to_string(seed), csv_number(difference)});
      char shown[32];
      std::snprintf(shown, sizeof shown, "%+.2f", 100 * difference);
      table.shown_rows.push_back({d.label + " − " + d.first, d.figure.title, std::to_string(seed), shown});
    }
  return table;
}

Table paired_summary_table(const ExperimentFigures& figures) {
  Table table;
  table.file = "paired_summary.csv";
  table.csv_header = {"method", "minus", "figure", "mean", "deviation", "count", "threshold", "verdict"};
  table.shown_header = {"comparison", "figure", "mean ± deviation (seeds), percentage points", "2·sd/√n", "verdict"};
  for (const PairedDifference& d : paired_differences(figures)) {
    std::vector<std::string> csv = {d.label, d.first, d.figure.key};
    append_spread(csv, d.spread);
    const bool judged = d.verdict != PairedVerdict::NotEnoughSeeds;
    const double threshold = judged ? 2 * d.spread->deviation / std::sqrt(double(d.spread->count)) : 0;
    csv.push_back(judged ? csv_number(threshold) : "");
    csv.push_back(to_string(d.verdict));
    table.csv_rows.push_back(csv);
    char shown_threshold[32] = "–";
    if (judged) std::snprintf(shown_threshold, sizeof shown_threshold, "%.2f", 100 * threshold);
    table.shown_rows.push_back({d.label + " − " + d.first, d.figure.title,
                                paired_spread_text(d.spread), shown_threshold, to_string(d.verdict)});
  }
  return table;
}

Table set_statistics_run_table(const ExperimentFigures& figures) {
  Table table;
  table.file = "set_statistics_runs.csv";
  table.csv_header = {"method", "seed", "snapshot", "global_epoch", "images", "pairs", "pairs_per_image",
                      "largest_set", "hub_sets", "hub_share"};
  table.shown_header = {"method", "seed", "backbone epoch", "images", "pairs", "pairs per image", "largest set",
                        "1% largest sets", "their share of pairs (%)"};
  for (const RunFigures& run : figures.runs) {
    if (!run.sets) continue;
    const SetStatistics& s = run.sets->statistics;
    table.csv_rows.push_back({run.run.label, std::to_string(run.run.seed),
                              std::filesystem::path(run.sets->snapshot).filename().string(),
                              std::to_string(run.sets->global_epoch), std::to_string(s.images), std::to_string(s.pairs),
                              csv_number(s.pairs_per_image), std::to_string(s.largest_set), std::to_string(s.hub_sets),
                              s.hub_share ? csv_number(*s.hub_share) : ""});
    char per_image[32], share[32] = "–";
    std::snprintf(per_image, sizeof per_image, "%.3f", s.pairs_per_image);
    if (s.hub_share) std::snprintf(share, sizeof share, "%.1f", 100 * *s.hub_share);
    table.shown_rows.push_back({run.run.label, std::to_string(run.run.seed), std::to_string(run.sets->global_epoch),
                                std::to_string(s.images), std::to_string(s.pairs), per_image,
                                std::to_string(s.largest_set), std::to_string(s.hub_sets), share});
  }
  return table;
}

Table set_statistics_table(const ExperimentFigures& figures) {
  Table table;
  table.file = "set_statistics.csv";
  table.csv_header = {"method"};
  table.shown_header = {"method"};
  for (const SetFigure& figure : set_figures()) {
    append_spread_header(table.csv_header, figure.key);
    table.shown_header.push_back(figure.title);
  }
  for (const auto& label : figures.experiment.labels) {
    std::vector<std::string> csv = {label}, shown = {label};
    for (const SetFigure& figure : set_figures()) {
      const auto s = spread_over(runs_of(figures, label), [&](const RunFigures& run) -> std::optional<double> {
        return run.sets ? figure.value(run.sets->statistics) : std::nullopt;
      });
      append_spread(csv, s);
      shown.push_back(spread_text(s, figure.shown_scale, figure.format));
    }
    table.csv_rows.push_back(csv);
    table.shown_rows.push_back(shown);
  }
  return table;
}

}  // namespace isl::report
