#include "config_form.h"

#include "common/config_schema.h"
#include "dataset_picker.h"
#include "qt_types.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QToolBox>
#include <QVBoxLayout>

namespace dino::ui {

namespace {
const char* kInvalidStyle = "background:#fdecea; border:1px solid #d32f2f;";
const QColor kInvalidBase(0xfd, 0xec, 0xea);

// A field's label without its parenthesised note ("Head hidden width (0 = auto)" -> "Head hidden width"),
// as a message names it.
QString shortLabel(const QString& key) {
    static const QRegularExpression note(QStringLiteral("\\s*\\([^()]*\\)$"));
    QString l = fieldLabel(key);
    l.remove(note);
    return l;
}

// Marks an editor as invalid or not. A spin box keeps its native look (a style sheet would take its
// arrows): only its base colour changes; the other editors get a red frame as well.
void markInvalid(QWidget* w, bool bad) {
    if (auto* sb = qobject_cast<QAbstractSpinBox*>(w)) {
        QPalette pal = QApplication::palette(sb);
        if (bad) pal.setColor(QPalette::Base, kInvalidBase);
        sb->setPalette(pal);
        return;
    }
    w->setStyleSheet(bad ? kInvalidStyle : "");
}
}  // namespace

ConfigForm::ConfigForm(QWidget* parent) : QWidget(parent), cfg_(presetConfig("quick")) {
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    toolbox_ = new QToolBox(this);
    toolbox_->setObjectName("configGroups");
    lay->addWidget(toolbox_);

    for (const QString& group : fieldGroups()) {
        auto* scroll = new QScrollArea(toolbox_);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        auto* page = new QWidget(scroll);
        auto* form = new QFormLayout(page);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        // Narrow panels (1366x768) put long labels above their field instead of scrolling sideways.
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const int pageIndex = toolbox_->count();
        if (group == "data") {
            picker_ = new DatasetPicker(page);
            picker_->setObjectName("datasetPicker");
            auto* l = new QLabel(fieldLabel("data.dataset"), page);
            l->setToolTip(fieldHelpText("data.dataset"));
            form->addRow(l, picker_);
            auto* err = new QLabel(page);
            err->setStyleSheet("color:#b71c1c;");
            err->setWordWrap(true);
            err->hide();
            form->addRow(QString(), err);
            errorLabels_["data.dataset"] = err;
            editors_["data.dataset"] = picker_;
            pageOf_["data.dataset"] = pageIndex;
            connect(picker_, &DatasetPicker::datasetChanged, this, [this](const QString& d) {
                if (loading_) return;
                cfg_.data.dataset = ss(d);
                revalidate();
                Q_EMIT configChanged("data.dataset");
            });
            connect(picker_, &DatasetPicker::inspected, this, [this] { revalidate(); });
        }
        for (const FieldSpec& f : configFields()) {
            if (f.group != group) continue;
            QWidget* ed = buildEditor(f);
            const QString help = fieldHelpText(f.key);
            ed->setToolTip(QStringLiteral("<b>%1</b><br>%2").arg(f.key, help.toHtmlEscaped()));
            auto* label = new QLabel(fieldLabel(f.key), page);
            label->setToolTip(ed->toolTip());
            label->setBuddy(ed);
            auto* err = new QLabel(page);
            err->setObjectName("error_" + f.key);
            err->setStyleSheet("color:#b71c1c;");
            err->setWordWrap(true);
            err->hide();
            auto* cell = new QWidget(page);
            auto* cl = new QVBoxLayout(cell);
            cl->setContentsMargins(0, 0, 0, 0);
            cl->setSpacing(1);
            ed->setParent(cell);
            cl->addWidget(ed);
            cl->addWidget(err);
            form->addRow(label, cell);
            editors_[f.key] = ed;
            errorLabels_[f.key] = err;
            pageOf_[f.key] = pageIndex;
        }
        scroll->setWidget(page);
        toolbox_->addItem(scroll, groupTitle(group));
    }
    toolbox_->setCurrentIndex(0);
    setConfig(cfg_);
}

QWidget* ConfigForm::buildEditor(const FieldSpec& f) {
    QWidget* w = nullptr;
    switch (f.kind) {
    case FieldKind::Int: {
        auto* sb = new QSpinBox;
        sb->setMinimumWidth(60);
        sb->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        // Wide ranges: dino::validate is the one place that decides what is allowed.
        sb->setRange(-1000000, 100000000);
        sb->setAccelerated(true);
        connect(sb, &QSpinBox::valueChanged, this, [this, &f] { readField(f); });
        w = sb;
        break;
    }
    case FieldKind::Double:
    case FieldKind::DoubleList:
    case FieldKind::UInt64:
    case FieldKind::Text: {
        auto* le = new QLineEdit;
        // views.mean / views.std: empty = automatic; other lists (the probe's grid) must not be empty.
        if (f.kind == FieldKind::DoubleList && f.key.startsWith(QLatin1String("views."))) le->setPlaceholderText(tr("automatic"));
        connect(le, &QLineEdit::textChanged, this, [this, &f] { readField(f); });
        w = le;
        break;
    }
    case FieldKind::Path: {
        auto* box = new QWidget;
        auto* hl = new QHBoxLayout(box);
        hl->setContentsMargins(0, 0, 0, 0);
        auto* le = new QLineEdit(box);
        le->setObjectName("edit");
        le->setPlaceholderText(tr("(default)"));
        auto* b = new QPushButton(tr("…"), box);
        b->setMaximumWidth(32);
        b->setToolTip(tr("Choose…"));
        hl->addWidget(le, 1);
        hl->addWidget(b);
        connect(le, &QLineEdit::textChanged, this, [this, &f] { readField(f); });
        const bool isDir = f.key == "data.cache_dir";
        connect(b, &QPushButton::clicked, this, [this, le, isDir] {
            const QString p = isDir ? QFileDialog::getExistingDirectory(this, tr("Choose folder"), le->text())
                                    : QFileDialog::getOpenFileName(this, tr("Choose weights"), le->text(),
                                                                   tr("safetensors (*.safetensors);;All files (*)"));
            if (!p.isEmpty()) le->setText(p);
        });
        w = box;
        break;
    }
    case FieldKind::Bool: {
        auto* cb = new QCheckBox;
        connect(cb, &QCheckBox::toggled, this, [this, &f] { readField(f); });
        w = cb;
        break;
    }
    case FieldKind::Choice:
    case FieldKind::IntChoice: {
        auto* cb = new QComboBox;
        cb->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        cb->setMinimumContentsLength(6);
        cb->addItems(f.choices);
        connect(cb, &QComboBox::currentIndexChanged, this, [this, &f] { readField(f); });
        w = cb;
        break;
    }
    }
    w->setObjectName(f.key);
    return w;
}

// Widget -> cfg_.
void ConfigForm::readField(const FieldSpec& f) {
    if (loading_) return;
    QWidget* w = editors_.value(f.key);
    if (!w) return;
    parseErrors_.remove(f.key);
    switch (f.kind) {
    case FieldKind::Int:
        f.set(cfg_, static_cast<QSpinBox*>(w)->value());
        break;
    case FieldKind::Double: {
        bool ok = false;
        const double v = static_cast<QLineEdit*>(w)->text().trimmed().toDouble(&ok);
        if (ok) f.set(cfg_, v);
        else parseErrors_[f.key] = tr("expected a number, e.g. 0.5 or 5e-4");
        break;
    }
    case FieldKind::UInt64: {
        bool ok = false;
        const qulonglong v = static_cast<QLineEdit*>(w)->text().trimmed().toULongLong(&ok);
        if (ok) f.set(cfg_, v);
        else parseErrors_[f.key] = tr("expected a non-negative integer");
        break;
    }
    case FieldKind::DoubleList: {
        std::vector<double> v;
        const QString t = static_cast<QLineEdit*>(w)->text();
        if (parseDoubleList(t, v)) f.set(cfg_, t);
        else if (f.key.startsWith(QLatin1String("views."))) parseErrors_[f.key] = tr("expected three comma-separated numbers, or empty for automatic");
        else parseErrors_[f.key] = tr("expected comma-separated numbers");
        break;
    }
    case FieldKind::Text:
        f.set(cfg_, static_cast<QLineEdit*>(w)->text());
        break;
    case FieldKind::Path:
        f.set(cfg_, w->findChild<QLineEdit*>("edit")->text());
        break;
    case FieldKind::Bool:
        f.set(cfg_, static_cast<QCheckBox*>(w)->isChecked());
        break;
    case FieldKind::Choice:
        f.set(cfg_, static_cast<QComboBox*>(w)->currentText());
        break;
    case FieldKind::IntChoice:
        f.set(cfg_, static_cast<QComboBox*>(w)->currentText().toInt());
        break;
    }
    if (f.group == "data") picker_->setContext(cfg_.data);
    lastEdited_ = f.key;
    revalidate();
    Q_EMIT configChanged(f.key);
}

// cfg_ -> widget.
void ConfigForm::writeField(const FieldSpec& f) {
    QWidget* w = editors_.value(f.key);
    const QVariant v = f.get(cfg_);
    switch (f.kind) {
    case FieldKind::Int:
        static_cast<QSpinBox*>(w)->setValue(v.toInt());
        break;
    case FieldKind::Double:
        static_cast<QLineEdit*>(w)->setText(formatDouble(v.toDouble()));
        break;
    case FieldKind::UInt64:
        static_cast<QLineEdit*>(w)->setText(QString::number(v.toULongLong()));
        break;
    case FieldKind::DoubleList:
    case FieldKind::Text:
        static_cast<QLineEdit*>(w)->setText(v.toString());
        break;
    case FieldKind::Path:
        w->findChild<QLineEdit*>("edit")->setText(v.toString());
        break;
    case FieldKind::Bool:
        static_cast<QCheckBox*>(w)->setChecked(v.toBool());
        break;
    case FieldKind::Choice:
    case FieldKind::IntChoice: {
        auto* cb = static_cast<QComboBox*>(w);
        const QString t = v.toString();
        int i = cb->findText(t);
        if (i < 0) {
            cb->addItem(t);
            i = cb->count() - 1;
        }
        cb->setCurrentIndex(i);
        break;
    }
    }
}

void ConfigForm::setConfig(const RunConfig& cfg) {
    loading_ = true;
    lastEdited_.clear();
    cfg_ = cfg;
    parseErrors_.clear();
    for (const FieldSpec& f : configFields()) writeField(f);
    picker_->setContext(cfg_.data);
    picker_->setDataset(qs(cfg_.data.dataset));
    loading_ = false;
    revalidate();
    Q_EMIT configChanged(QString());
}

void ConfigForm::setFieldText(const QString& key, const QString& text) {
    QWidget* w = editors_.value(key);
    if (!w) return;
    if (auto* sb = qobject_cast<QSpinBox*>(w)) sb->setValue(text.toInt());
    else if (auto* le = qobject_cast<QLineEdit*>(w)) le->setText(text);
    else if (auto* cb = qobject_cast<QCheckBox*>(w)) cb->setChecked(text == "true" || text == "1");
    else if (auto* co = qobject_cast<QComboBox*>(w)) co->setCurrentIndex(co->findText(text));
    else if (auto* le2 = w->findChild<QLineEdit*>("edit")) le2->setText(text);
    else if (key == "data.dataset") picker_->setDataset(text);
}

void ConfigForm::setReadOnly(bool readOnly) {
    readOnly_ = readOnly;
    for (QWidget* e : std::as_const(editors_)) e->setEnabled(!readOnly);
}

void ConfigForm::revalidate() {
    errors_.clear();
    for (auto it = parseErrors_.begin(); it != parseErrors_.end(); ++it) errors_.push_back({ss(it.key()), ss(it.value())});
    for (const FieldError& e : validate(cfg_))
        if (!parseErrors_.contains(qs(e.field))) errors_.push_back(e);
    // A field that must be >= another (crop scale max >= min): when the user just changed the other one,
    // that is the field in error, as they see it.
    for (FieldError& e : errors_) {
        const FieldDescriptor* d = findConfigField(e.field);
        const FieldSpec* upper = findField(qs(e.field));
        const FieldSpec* lower = d && !d->min_field.empty() ? findField(qs(d->min_field)) : nullptr;
        if (!upper || !lower || lower->key != lastEdited_ ||
            !(upper->get(cfg_).toDouble() < lower->get(cfg_).toDouble()))
            continue;
        e.message = ss(tr("must be <= %1 (%2) (got %3)")
                           .arg(shortLabel(upper->key), upper->get(cfg_).toString(), lower->get(cfg_).toString()));
        e.field = d->min_field;
    }
    // Messages name fields as the form shows them: by the label beside them, not by their JSON key.
    for (FieldError& e : errors_) e.message = ss(readableMessage(qs(e.message)));
    // The engine checks batch <= dataset size when it opens the data; the picker knows the size already.
    if (const qint64 n = picker_->trainSize(); n > 0) {
        const qint64 usable = cfg_.data.subset > 0 ? std::min<qint64>(cfg_.data.subset, n) : n;
        if (cfg_.optim.batch_size > usable)
            errors_.push_back({"optim.batch_size", ss(tr("must be <= the %1 training images (got %2)")
                                                           .arg(usable)
                                                           .arg(cfg_.optim.batch_size))});
    }

    QMap<QString, QStringList> byField;
    for (const FieldError& e : errors_) byField[qs(e.field)] << qs(e.message);
    QMap<int, int> perPage;
    for (auto it = editors_.begin(); it != editors_.end(); ++it) {
        const QString& key = it.key();
        QWidget* w = it.value();
        QLabel* err = errorLabels_.value(key);
        const bool bad = byField.contains(key);
        QWidget* styled = w->findChild<QLineEdit*>("edit") ? w->findChild<QLineEdit*>("edit") : w;
        if (key != "data.dataset") markInvalid(styled, bad);
        w->setProperty("invalid", bad);
        if (err) {
            err->setText(bad ? byField[key].join("\n") : QString());
            err->setVisible(bad);
        }
        if (bad) perPage[pageOf_.value(key)] += 1;
    }
    const QStringList groups = fieldGroups();
    for (int i = 0; i < toolbox_->count() && i < groups.size(); ++i) {
        const int n = perPage.value(i);
        toolbox_->setItemText(i, n ? tr("%1 — %n problem(s)", "", n).arg(groupTitle(groups[i])) : groupTitle(groups[i]));
        toolbox_->setItemIcon(i, n ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    }
    const bool valid = errors_.empty();
    if (valid != lastValid_ || !valid) {
        lastValid_ = valid;
        Q_EMIT validityChanged(valid, firstProblem());
    }
}

QString ConfigForm::firstProblem() const {
    if (errors_.empty()) return {};
    const FieldError& e = errors_.front();
    return QStringLiteral("%1: %2").arg(fieldLabel(qs(e.field)), qs(e.message));
}

QString ConfigForm::readableMessage(QString message) {
    // Longest keys first, and whole keys only: optim.teacher_temp is not the start of optim.teacher_temp_start.
    static const std::vector<std::pair<QRegularExpression, QString>> keys = [] {
        std::vector<std::pair<QRegularExpression, QString>> k;
        for (const FieldDescriptor& d : configFieldTable())
            k.push_back({QRegularExpression(QRegularExpression::escape(qs(d.key)) + QStringLiteral("(?!\\w)")), qs(d.key)});
        std::sort(k.begin(), k.end(), [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
        return k;
    }();
    for (const auto& [re, key] : keys)
        if (message.contains(key)) message.replace(re, shortLabel(key));
    return message;
}

}  // namespace dino::ui
