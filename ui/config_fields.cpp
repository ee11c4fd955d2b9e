#include "config_fields.h"

#include "api/run_table.h"
#include "common/config_schema.h"

#include <QCoreApplication>

#include <variant>

namespace dino::ui {
namespace {

template <class T>
QVariant toVariant(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) return QString::fromStdString(v);
    else if constexpr (std::is_same_v<T, std::vector<double>>) return formatDoubleList(v);
    else if constexpr (std::is_same_v<T, uint64_t>) return QVariant::fromValue<qulonglong>(v);
    else if constexpr (std::is_same_v<T, int64_t>) return QVariant::fromValue<qlonglong>(v);
    else return QVariant::fromValue(v);
}

template <class T>
void fromVariant(const QVariant& q, T& out) {
    if constexpr (std::is_same_v<T, std::string>) out = q.toString().toStdString();
    else if constexpr (std::is_same_v<T, std::vector<double>>) {
        std::vector<double> v;
        if (parseDoubleList(q.toString(), v)) out = v;
    } else if constexpr (std::is_same_v<T, bool>) out = q.toBool();
    else if constexpr (std::is_same_v<T, uint64_t>) out = q.toULongLong();
    else if constexpr (std::is_integral_v<T>) out = static_cast<T>(q.toLongLong());
    else out = q.toDouble();
}

FieldKind kindOf(const FieldDescriptor& d) {
    switch (d.type) {
    case FieldType::Bool: return FieldKind::Bool;
    case FieldType::Int:
    case FieldType::Int64: return d.choices.empty() ? FieldKind::Int : FieldKind::IntChoice;
    case FieldType::UInt64: return FieldKind::UInt64;
    case FieldType::Double: return FieldKind::Double;
    case FieldType::DoubleList: return FieldKind::DoubleList;
    case FieldType::String: break;
    }
    return d.path ? FieldKind::Path : d.choices.empty() ? FieldKind::Text : FieldKind::Choice;
}

// The form's fields: the engine's table (common/config_schema.cpp) minus what has its own widget.
std::vector<FieldSpec> buildFields() {
    std::vector<FieldSpec> out;
    for (const FieldDescriptor& d : configFieldTable()) {
        if (!d.in_form) continue;
        FieldSpec f;
        f.key = QString::fromStdString(d.key);
        f.group = QString::fromStdString(d.group);
        f.kind = kindOf(d);
        for (const auto& c : d.choices) f.choices << QString::fromStdString(c);
        const auto ref = d.ref;
        f.get = [ref](const RunConfig& c) {
            return std::visit([](auto* p) { return toVariant(*p); }, ref(const_cast<RunConfig&>(c)));
        };
        f.set = [ref](RunConfig& c, const QVariant& v) { std::visit([&](auto* p) { fromVariant(v, *p); }, ref(c)); };
        out.push_back(std::move(f));
    }
    return out;
}

QString trc(const char* s) { return QCoreApplication::translate("dino::ui::ConfigFields", s); }

}  // namespace

const std::vector<FieldSpec>& configFields() {
    static const std::vector<FieldSpec> fields = buildFields();
    return fields;
}

const FieldSpec* findField(const QString& key) {
    for (const auto& f : configFields())
        if (f.key == key) return &f;
    return nullptr;
}

QStringList fieldGroups() { return {"data", "views", "model", "optim", "schedules", "eval", "system"}; }

QString groupTitle(const QString& g) {
    if (g == "data") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Data"));
    if (g == "views") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Views and augmentation"));
    if (g == "model") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Model"));
    if (g == "optim") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Optimisation"));
    if (g == "schedules") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Schedules"));
    if (g == "eval") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Evaluation"));
    if (g == "system") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "System"));
    return g;
}

QString fieldHelpText(const QString& key) {
    const std::string help = fieldHelp(key.toStdString());
    if (help.empty()) return {};
    // The engine marks these English texts with QT_TRANSLATE_NOOP("dino::FieldHelp", ...) for lupdate
    // (ui/CMakeLists.txt scans engine/common/config_schema.cpp); the CLI prints them untranslated.
    return QCoreApplication::translate("dino::FieldHelp", help.c_str());
}

QString fieldLabel(const QString& key) {
    const FieldDescriptor* d = findConfigField(key.toStdString());
    // The labels are marked QT_TRANSLATE_NOOP("dino::ui::ConfigFields", ...) in the engine's table.
    return d && *d->label ? trc(d->label) : key;
}

bool parseDoubleList(const QString& text, std::vector<double>& out) {
    out.clear();
    const QString t = text.trimmed();
    if (t.isEmpty()) return true;
    for (const QString& part : t.split(QLatin1Char(','))) {
        bool ok = false;
        double v = part.trimmed().toDouble(&ok);
        if (!ok) return false;
        out.push_back(v);
    }
    return true;
}

QString formatDoubleList(const std::vector<double>& v) {
    QStringList parts;
    for (double d : v) parts << formatDouble(d);
    return parts.join(QStringLiteral(", "));
}

QString formatDouble(double v) { return QString::number(v, 'g', 10); }

QString formatFieldValue(const QString& key, const RunConfig& cfg) {
    if (const FieldSpec* f = findField(key)) {
        const QVariant v = f->get(cfg);
        switch (f->kind) {
        case FieldKind::Double: return formatDouble(v.toDouble());
        case FieldKind::Bool:
            return v.toBool() ? QCoreApplication::translate("dino::ui::ConfigFields", "yes")
                              : QCoreApplication::translate("dino::ui::ConfigFields", "no");
        case FieldKind::DoubleList:
            return v.toString().isEmpty() ? QCoreApplication::translate("dino::ui::ConfigFields", "automatic") : v.toString();
        case FieldKind::UInt64: return QString::number(v.toULongLong());
        case FieldKind::Int:
        case FieldKind::IntChoice: return QString::number(v.toLongLong());
        case FieldKind::Text:
        case FieldKind::Choice:
        case FieldKind::Path: return v.toString();
        }
    }
    // Not in the form: the config.json value, a string without its quotes.
    for (const auto& [k, json] : api::configFieldValues(cfg)) {
        if (QString::fromStdString(k) != key) continue;
        QString text = QString::fromStdString(json);
        if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.mid(1, text.size() - 2);
        return text;
    }
    return {};
}

}  // namespace dino::ui
