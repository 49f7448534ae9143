#pragma once
#include <QDialog>

#include <functional>
#include <vector>

#include "core/run/config.h"

class QLabel;
class QLineEdit;
class QFormLayout;

namespace isl::gui {

// "New run" and "Change settings and continue": one editor per setting of isl::Config, built
// from the settings table (for_each_field), so a setting added to the engine appears here with
// its range, choices and help text without a change to this file. OK validates with the
// engine's own rules.
class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  // ContinueRun edits the settings of the run in runDirectory() before it continues from its
  // last checkpoint: the settings its saved state depends on (ConfigField::fixed_for_the_run)
  // are shown but cannot be changed, and the directory is the run's own.
  enum class Purpose { NewRun, ContinueRun };
  explicit SettingsDialog(const Config& initial, QWidget* parent = nullptr, Purpose purpose = Purpose::NewRun);
  Config config() const;
  QString runDirectory() const;
  void setRunDirectory(const QString& directory);
  // The editor of setting `name` (tests).
  QWidget* editor(const QString& name) const;

  void accept() override;

 private:
  // Reads every editor into a Config; each editor knows its member through these closures.
  std::vector<std::function<void(Config&)>> readers_;
  std::map<QString, QWidget*> editors_;
  Config initial_;
  Purpose purpose_;
  QLineEdit* directory_ = nullptr;
  QLabel* problem_ = nullptr;
};

}  // namespace isl::gui
