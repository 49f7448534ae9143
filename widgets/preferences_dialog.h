#pragma once
#include <QDialog>

class QComboBox;

namespace isl::gui {

// Preferences that outlive a run: the interface language ("" follows the system).
class PreferencesDialog : public QDialog {
  Q_OBJECT
 public:
  explicit PreferencesDialog(const QString& language, QWidget* parent = nullptr);
  QString language() const;

 private:
  QComboBox* language_;
};

}  // namespace isl::gui
