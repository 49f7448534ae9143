#include "experiment_report.h"

#include <filesystem>

#include "core/input_error.h"
#include "core/run/run_files.h"
#include "experiment_figures.h"
#include "precision_charts.h"
#include "report_document.h"
#include "result_tables.h"

namespace isl::report {

namespace {

namespace fs = std::filesystem;

// The folder's own name, also when given as "out/" or ".".
std::string folder_name(const std::string& folder) {
  fs::path path = fs::absolute(folder).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();
  return path.filename().string();
}

class ReportWriter {
 public:
  explicit ReportWriter(const ExperimentFigures& figures)
      : figures_(figures), folder_((fs::path(figures.folder) / "report").string()) {
    std::error_code error;
    fs::create_directories(folder_, error);
    if (error) throw InputError(folder_, "cannot be created (" + error.message() + ")");
  }

  std::string write() {
    const std::string title = "Experiment " + folder_name(figures_.folder);
    document_.heading(1, title);
    describe_experiment();
    final_accuracy();
    paired_comparison();
    precision();
    positive_sets();
    document_.heading(2, "Files");
    for (const auto& file : files_) document_.item({{file, file}});
    document_.item({{"report.md", "report.md"}, {" and ", {}}, {"report.html", "report.html"}, {": this report", {}}});
    write_file_atomically(path_of("report.html"), document_.html(title));
    const std::string markdown = path_of("report.md");
    write_file_atomically(markdown, document_.markdown());
    return markdown;
  }

 private:
  std::string path_of(const std::string& file) const { return (fs::path(folder_) / file).string(); }

  void write_table(const Table& table) {
    write_file_atomically(path_of(table.file), csv_text(table));
    files_.push_back(table.file);
  }

  // Writes a plot's PNG, SVG and CSV and shows it; false for a plot without points.
  bool write_plot(const PrecisionPlot& plot) {
    if (plot.empty()) return false;
    const std::string png = plot.file + ".png", svg = plot.file + ".svg";
    const QByteArray png_bytes = plot_png(plot), svg_bytes = plot_svg(plot);
    write_file_atomically(path_of(png), std::string(png_bytes.constData(), size_t(png_bytes.size())));
    write_file_atomically(path_of(svg), std::string(svg_bytes.constData(), size_t(svg_bytes.size())));
    files_.push_back(png);
    files_.push_back(svg);
    const Table table = plot_table(plot);
    write_table(table);
    document_.image(png, plot.title.toStdString());
    document_.paragraph({{"The plot as ", {}}, {"SVG", svg}, {" and its points as ", {}}, {"CSV", table.file}, {".", {}}});
    return true;
  }

  void describe_experiment() {
    const Experiment& e = figures_.experiment;
    std::string methods, seeds;
    for (const auto& label : e.labels) methods += (methods.empty() ? "" : ", ") + label;
    for (uint64_t seed : e.seeds) seeds += (seeds.empty() ? "" : ", ") + std::to_string(seed);
    int present = 0, finished = 0;
    for (const auto& run : figures_.runs) {
      present += run.present;
      finished += run.finished;
    }
    std::vector<Span> spans = {{"Methods: " + methods + ". Seeds: " + seeds + ". Runs: " + std::to_string(e.runs.size()) +
                                    " (methods x seeds), " + std::to_string(present) + " begun, " +
                                    std::to_string(finished) + " finished. The description: ",
                                {}},
                               {"experiment.json", "../experiment.json"}};
    if (fs::exists(fs::path(figures_.folder) / "summary.csv"))
      spans.insert(spans.end(), {{"; every run's figures: ", {}}, {"summary.csv", "../summary.csv"}});
    spans.push_back({".", {}});
    document_.paragraph(spans);
    for (const auto& run : figures_.runs)
      if (!run.finished)
        document_.item({{run.run.label + ", seed " + std::to_string(run.run.seed) + ": " +
                             (run.present ? "not finished" : "not begun") + " (" + run.run.directory + ")",
                         {}}});
    document_.paragraph({{"Tables show percent: the mean ± the sample standard deviation over the seeds, with the "
                          "number of seeds in parentheses. The CSV files hold the same figures as fractions (0 to 1) "
                          "at full precision.",
                          {}}});
  }

  void final_accuracy() {
    document_.heading(2, "Table 1: accuracy of the learned features");
    document_.paragraph({{"Weighted kNN top-1 on features recomputed without augmentation at the end of each run "
                          "(knn_top1_final), and the linear probe's top-1 on conv5 features (linear_top1), per method "
                          "over the seeds. ",
                          {}},
                         {"table1.csv", "table1.csv"}});
    const Table table = final_accuracy_table(figures_);
    write_table(table);
    document_.table(table);
  }

  void paired_comparison() {
    const auto& labels = figures_.experiment.labels;
    document_.heading(2, "Paired comparison with " + labels.front());
    if (labels.size() < 2) {
      document_.paragraph({{"The experiment has one method: there is nothing to compare.", {}}});
      return;
    }
    document_.paragraph(
        {{"Runs with the same seed differ only in the method (same data order, initialisation and augmentation), so "
          "each method minus " + labels.front() + ", seed by seed, removes the spread the seeds share. Rule, a rough "
          "guide and not a test: a mean paired difference is beyond the seed-to-seed spread when |mean| > 2·sd/√n, "
          "with sd the sample standard deviation of the differences and n ≥ 2 the seeds where both runs have the "
          "figure (about a 95% interval of the mean under normal noise; wide for few seeds). With fewer than 2 "
          "seeds it says \"not enough seeds\". ",
          {}},
         {"paired_summary.csv", "paired_summary.csv"},
         {", per seed: ", {}},
         {"paired_differences.csv", "paired_differences.csv"}});
    const auto differences = paired_differences(figures_);
    for (const PairedDifference& d : differences) {
      std::string text = d.label + " − " + d.first + ", " + d.figure.title + ": " + to_string(d.verdict);
      if (d.spread) text += " (" + paired_spread_text(d.spread) + " percentage points)";
      document_.item({{text, {}}});
    }
    const Table summary = paired_summary_table(figures_), by_seed = paired_difference_table(figures_);
    write_table(summary);
    write_table(by_seed);
    document_.table(summary);
    document_.table(by_seed);
  }

  void precision() {
    document_.heading(2, "Positive-set precision (Fig. 3)");
    document_.paragraph({{"The share of a set's members that carry the anchor's label, over anchors with at least N "
                          "positives: ISL sets count their first N members in the order they were mined, Euclidean "
                          "sets the N memory entries nearest the anchor (the sizes are the runs' precision_set_sizes). "
                          "Curves are the mean over the seeds; the band is one standard deviation either side.",
                          {}}});
    if (!write_plot(precision_by_set_size(figures_)))
      document_.paragraph({{"No run has recorded a precision at a set size yet.", {}}});
    for (const PrecisionPlot& plot : precision_by_epoch(figures_)) {
      const std::string& label = plot.method;
      document_.heading(3, "Against backbone epochs: " + label);
      if (!write_plot(plot))
        document_.paragraph({{"The runs of " + label + " have recorded no positive-set precision (a method that "
                              "mines no sets, or runs that have not mined yet).",
                              {}}});
    }
  }

  void positive_sets() {
    document_.heading(2, "Mined pairs and hubs");
    document_.paragraph(
        {{"From each run's newest snapshot in which some image has a positive (or its newest snapshot where none "
          "has). Pairs: the anchor-positive pairs, the members of every image's set other than the image itself; "
          "pairs per image: pairs ÷ images; largest set: the most positives of one image. The 1% largest sets are "
          "the ⌈images ÷ 100⌉ sets with the most positives, and their share is the pairs in those sets ÷ all pairs "
          "(none without pairs): near 1% when mining spreads pairs evenly, near 100% when a few hubs hold them. ",
          {}},
         {"set_statistics.csv", "set_statistics.csv"},
         {", per run: ", {}},
         {"set_statistics_runs.csv", "set_statistics_runs.csv"}});
    const Table per_method = set_statistics_table(figures_), per_run = set_statistics_run_table(figures_);
    write_table(per_method);
    write_table(per_run);
    document_.table(per_method);
    document_.table(per_run);
  }

  const ExperimentFigures& figures_;
  std::string folder_;
  ReportDocument document_;
  std::vector<std::string> files_;
};

}  // namespace

std::string write_experiment_report(const std::string& folder) {
  const ExperimentFigures figures = read_experiment_figures(folder);
  ReportWriter writer(figures);
  return writer.write();
}

}  // namespace isl::report
