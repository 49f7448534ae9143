#pragma once
#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

namespace isl::gui {

// The key of the 3D view: coloured swatches with names, or a colour ramp with its range.
class ViewLegend : public QWidget {
  Q_OBJECT
 public:
  struct Entry {
    QColor color;
    QString text;
  };
  explicit ViewLegend(QWidget* parent = nullptr);
  void showEntries(const QString& title, std::vector<Entry> entries);
  void showRamp(const QString& title, double low, double high);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void fitSize();
  QString title_;
  std::vector<Entry> entries_;
  bool ramp_ = false;
  double low_ = 0, high_ = 1;
};

}  // namespace isl::gui
