// A sweep's result: configurations ranked by the mean over seeds, the fields that mattered, and what
// early stopping saved.
#include "api/sweep.h"

#include "api/run_directory.h"

#include "common/config_schema.h"
#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

namespace dino::api {
namespace {

using ojson = nlohmann::ordered_json;
namespace fs = std::filesystem;

int rankOf(const std::string& state) {
    if (state == "finished") return 0;
    if (state == "pruned") return 1;
    if (state == "incomplete") return 2;
    return 3;  // failed
}

double meanOf(const std::vector<double>& v) { return v.empty() ? 0 : std::accumulate(v.begin(), v.end(), 0.0) / v.size(); }

// Sample standard deviation (n - 1); 0 for fewer than two values.
double stdOf(const std::vector<double>& v) {
    if (v.size() < 2) return 0;
    const double m = meanOf(v);
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return std::sqrt(s / (v.size() - 1));
}

// The levels of one field over the configurations: its distinct values, or, for a numeric field with
// more than 5 of them, thirds of the configurations by value ("[lo, hi]").
FieldEffect effectOf(size_t k, const std::string& field, const std::vector<std::pair<FieldValues, double>>& done) {
    FieldEffect e;
    e.field = field;
    std::map<std::string, std::vector<double>> by_text;
    std::vector<std::pair<double, double>> numeric;  // (value, mean)
    bool all_numeric = true;
    for (const auto& [values, mean] : done) {
        const std::string& v = values[k].second;
        by_text[v].push_back(mean);
        const auto j = nlohmann::json::parse(v);
        if (j.is_number()) numeric.emplace_back(j.get<double>(), mean);
        else all_numeric = false;
    }
    if (all_numeric && by_text.size() > 5) {
        std::sort(numeric.begin(), numeric.end());
        const size_t n = numeric.size();
        for (size_t third = 0; third < 3; ++third) {
            const size_t lo = third * n / 3, hi = (third + 1) * n / 3;
            if (lo == hi) continue;
            std::vector<double> means;
            for (size_t i = lo; i < hi; ++i) means.push_back(numeric[i].second);
            e.levels.push_back("[" + formatNumber(numeric[lo].first) + ", " + formatNumber(numeric[hi - 1].first) + "]");
            e.means.push_back(meanOf(means));
            e.counts.push_back(static_cast<int>(means.size()));
        }
    } else {
        std::vector<std::pair<std::string, std::vector<double>>> levels(by_text.begin(), by_text.end());
        if (all_numeric)
            std::sort(levels.begin(), levels.end(), [](const std::pair<std::string, std::vector<double>>& a,
                                                       const std::pair<std::string, std::vector<double>>& b) {
                return nlohmann::json::parse(a.first).get<double>() < nlohmann::json::parse(b.first).get<double>();
            });
        for (const auto& [v, means] : levels) {
            e.levels.push_back(v);
            e.means.push_back(meanOf(means));
            e.counts.push_back(static_cast<int>(means.size()));
        }
    }
    if (!e.means.empty()) e.spread = *std::max_element(e.means.begin(), e.means.end()) - *std::min_element(e.means.begin(), e.means.end());
    return e;
}

std::string valueText(const std::string& json_text) {
    const auto j = nlohmann::json::parse(json_text);
    return j.is_string() ? j.get<std::string>() : json_text;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// s and spaces up to `columns` characters (UTF-8: "±" is two bytes, one column).
std::string pad(const std::string& s, size_t columns) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return s + std::string(n < columns ? columns - n : 1, ' ');
}

std::string labelOf(const FieldValues& values) {
    if (!values.empty() && values.front().first == "variant") return valueText(values.front().second);
    std::string label;
    for (const auto& [f, v] : values) label += (label.empty() ? "" : " ") + f + "=" + valueText(v);
    return label;
}

// The figures of configuration `config`'s finished trials, from their run directories.
SweepFigures figuresOf(const std::string& dir, const SweepSpec& spec, const SweepState& state, int config) {
    struct Split {
        std::string name;
        std::vector<double> v[6];  // nn1, knn, auc, base_nn1, base_knn, base_auc
        std::vector<double> probe, base_probe;  // only from the reports that have a probe
        std::map<uint64_t, double> gain_knn, gain_probe;  // by seed: trained - random init
    };
    std::vector<Split> splits;
    auto add = [&](const EvalReport& r, uint64_t seed) {
        auto it = std::find_if(splits.begin(), splits.end(), [&](const Split& x) { return x.name == r.test_split; });
        if (it == splits.end()) it = splits.insert(splits.end(), Split{r.test_split, {}, {}, {}, {}, {}});
        const double v[6] = {r.trained.nn1_accuracy, r.trained.knn_accuracy, r.trained.auc,
                             r.baseline.nn1_accuracy, r.baseline.knn_accuracy, r.baseline.auc};
        for (int k = 0; k < 6; ++k) it->v[k].push_back(v[k]);
        if (r.trained.probe.present) it->probe.push_back(r.trained.probe.test_accuracy);
        if (r.baseline.probe.present) it->base_probe.push_back(r.baseline.probe.test_accuracy);
        it->gain_knn[seed] = r.trained.knn_accuracy - r.baseline.knn_accuracy;
        if (r.trained.probe.present && r.baseline.probe.present)
            it->gain_probe[seed] = r.trained.probe.test_accuracy - r.baseline.probe.test_accuracy;
    };
    auto values = [](const std::map<uint64_t, double>& m) {
        std::vector<double> v;
        for (const auto& [seed, x] : m) v.push_back(x);
        return v;
    };
    std::vector<double> gain1, gaink, gainp, used, entropy, spread, wall;
    std::vector<std::string> guards;
    SweepFigures f;
    f.labels_total = static_cast<int>(state.configs[static_cast<size_t>(config)].config.model.out_dim);
    for (const auto& t : state.trials) {
        if (t.config != config || t.state != "finished") continue;
        const std::string run = (fs::path(dir) / t.name).string();
        RunSnapshot snap;
        try {
            snap = loadRun(run);
        } catch (const std::exception&) {
            continue;  // a run folder removed by hand: the ranking keeps the value the sweep recorded
        }
        ++f.n;
        std::vector<EvalReport> reports;
        if (snap.eval) reports.push_back(*snap.eval);
        for (const std::string& split : spec.evaluate) {
            std::error_code ec;
            if ((snap.eval && snap.eval->test_split == split) || !fs::exists(runSplitEvalPath(run, split), ec)) continue;
            try {
                reports.push_back(evalReportFromJson(readTextFile(runSplitEvalPath(run, split))));
            } catch (const std::exception&) {
            }
        }
        double g1 = 0, gk = 0, gp = 0;
        int probes = 0;
        for (const auto& r : reports) {
            add(r, t.seed);
            g1 += r.trained.nn1_accuracy - r.baseline.nn1_accuracy;
            gk += r.trained.knn_accuracy - r.baseline.knn_accuracy;
            if (r.trained.probe.present && r.baseline.probe.present) {
                gp += r.trained.probe.test_accuracy - r.baseline.probe.test_accuracy;
                ++probes;
            }
        }
        if (!reports.empty()) {
            gain1.push_back(g1 / reports.size());
            gaink.push_back(gk / reports.size());
        }
        if (probes > 0) gainp.push_back(gp / probes);
        if (snap.pseudo_labels) used.push_back(snap.pseudo_labels->used);
        if (!snap.steps.empty()) {
            entropy.push_back(snap.steps.back().teacher_entropy);
            spread.push_back(snap.steps.back().student_std);
            wall.push_back(snap.steps.back().elapsed_seconds);
        }
        const std::string g = snap.collapse_state.empty() ? "?" : snap.collapse_state;
        if (std::find(guards.begin(), guards.end(), g) == guards.end()) guards.push_back(g);
    }
    for (const auto& sp : splits) {
        SweepSplitFigures x;
        x.split = sp.name;
        Stat* out[6] = {&x.nn1, &x.knn, &x.auc, &x.base_nn1, &x.base_knn, &x.base_auc};
        for (int k = 0; k < 6; ++k) *out[k] = summarize(sp.v[k]);
        x.probe = summarize(sp.probe);
        x.base_probe = summarize(sp.base_probe);
        x.gain_knn = summarize(values(sp.gain_knn));
        x.gain_probe = summarize(values(sp.gain_probe));
        x.seed_gain_knn = sp.gain_knn;
        x.seed_gain_probe = sp.gain_probe;
        f.splits.push_back(std::move(x));
    }
    f.gain_nn1 = summarize(gain1);
    f.gain_knn = summarize(gaink);
    f.gain_probe = summarize(gainp);
    f.labels_used = summarize(used);
    f.teacher_entropy = summarize(entropy);
    f.student_std = summarize(spread);
    f.wall_seconds = summarize(wall);
    for (const auto& g : guards) f.guard += (f.guard.empty() ? "" : "/") + g;
    return f;
}

// A Stat as JSON: {"mean", "sd", "n"} (sd null for one value), or null without values.
ojson statJson(const Stat& s) {
    if (s.n == 0) return nullptr;
    ojson o = {{"mean", s.mean}, {"sd", nullptr}, {"n", s.n}};
    if (s.n > 1) o["sd"] = s.sd;
    return o;
}

std::string fixed(double v, int decimals) {
    std::ostringstream os;
    os << std::fixed << std::setprecision(decimals) << v;
    return os.str();
}

}  // namespace

std::vector<FieldEffect> fieldEffects(const std::vector<std::pair<FieldValues, double>>& configs) {
    std::vector<FieldEffect> effects;
    if (configs.size() < 2) return effects;
    for (size_t k = 0; k < configs.front().first.size(); ++k) {
        FieldEffect e = effectOf(k, configs.front().first[k].first, configs);
        if (e.levels.size() >= 2) effects.push_back(std::move(e));
    }
    std::stable_sort(effects.begin(), effects.end(), [](const FieldEffect& a, const FieldEffect& b) { return a.spread > b.spread; });
    return effects;
}

SweepResults sweepResults(const std::string& dir) {
    const SweepState state = loadSweepState(dir);
    const SweepSpec spec = loadSweepSpec((fs::path(dir) / "sweep.json").string());
    SweepResults r;
    r.metric = spec.metric;
    for (const auto& c : state.configs) {
        SweepConfigResult cr;
        cr.config = c.index;
        cr.values = c.values;
        bool all_finished = true, any_pruned = false, any_failed = false;
        std::vector<double> gains;
        for (const auto& t : state.trials) {
            if (t.config != c.index) continue;
            all_finished &= t.state == "finished";
            any_pruned |= t.state == "pruned";
            any_failed |= t.state == "failed";
            if (t.state == "pruned" && t.pruned_at >= 0 && (cr.pruned_at < 0 || t.pruned_at < cr.pruned_at)) cr.pruned_at = t.pruned_at;
            if (t.final_value && (t.state == "finished" || t.state == "pruned")) {
                cr.seed_values.push_back(*t.final_value);
                if (t.baseline_value) gains.push_back(*t.final_value - *t.baseline_value);
            }
        }
        cr.state = all_finished ? "finished" : any_pruned ? "pruned" : any_failed ? "failed" : "incomplete";
        cr.n = static_cast<int>(cr.seed_values.size());
        cr.mean = meanOf(cr.seed_values);
        cr.std = stdOf(cr.seed_values);
        if (!gains.empty() && gains.size() == cr.seed_values.size()) cr.gain = meanOf(gains);
        cr.figures = figuresOf(dir, spec, state, c.index);
        cr.label = labelOf(c.values);
        r.ranked.push_back(std::move(cr));
    }
    // Every configuration paired seed by seed with the spec's first, split by split.
    const auto ref = std::find_if(r.ranked.begin(), r.ranked.end(), [](const SweepConfigResult& c) { return c.config == 0; });
    if (ref != r.ranked.end() && ref->figures.n > 0) {
        r.paired_reference = ref->label;
        for (auto& c : r.ranked) {
            if (c.config == 0) continue;
            for (auto& sp : c.figures.splits)
                for (const auto& rs : ref->figures.splits)
                    if (rs.split == sp.split) {
                        sp.paired_knn = pairBySeed(sp.seed_gain_knn, rs.seed_gain_knn);
                        sp.paired_probe = pairBySeed(sp.seed_gain_probe, rs.seed_gain_probe);
                    }
        }
    }
    std::stable_sort(r.ranked.begin(), r.ranked.end(), [](const SweepConfigResult& a, const SweepConfigResult& b) {
        if (rankOf(a.state) != rankOf(b.state)) return rankOf(a.state) < rankOf(b.state);
        if ((a.n > 0) != (b.n > 0)) return a.n > 0;
        return a.mean > b.mean;
    });
    std::vector<std::pair<FieldValues, double>> done;
    for (const auto& c : r.ranked)
        if (c.state == "finished" && c.n > 0) done.emplace_back(c.values, c.mean);
    r.effects = fieldEffects(done);
    int64_t planned_known = 0;
    int with_plan = 0;
    for (const auto& t : state.trials) {
        ++r.trials;
        if (t.state == "finished") ++r.finished;
        else if (t.state == "pruned") ++r.pruned;
        else if (t.state == "failed") ++r.failed;
        else ++r.pending;
        r.steps_done += t.steps_done;
        if (t.steps_planned > 0) {
            planned_known += t.steps_planned;
            ++with_plan;
        }
    }
    // Every trial to the end: the planned steps of those that ran, and their average for those that did not.
    if (with_plan > 0) r.steps_all = planned_known + (r.trials - with_plan) * planned_known / with_plan;
    return r;
}

void writeSweepResults(const std::string& dir, const SweepResults& r) {
    const SweepState state = loadSweepState(dir);
    ojson j;
    j["sweep"] = fs::absolute(dir).lexically_normal().string();
    j["metric"] = r.metric;
    j["trials"] = {{"total", r.trials}, {"finished", r.finished}, {"pruned", r.pruned}, {"failed", r.failed}, {"pending", r.pending}};
    j["steps"] = {{"trained", r.steps_done}, {"all_to_the_end", r.steps_all}};
    j["ranked"] = ojson::array();
    for (size_t i = 0; i < r.ranked.size(); ++i) {
        const auto& c = r.ranked[i];
        ojson values = ojson::object();
        for (const auto& [f, v] : c.values) values[f] = ojson::parse(v);
        ojson o = {{"rank", i + 1}, {"config", sweepConfigName(c.config)}, {"values", values}, {"state", c.state},
                   {"n", c.n},      {"seed_values", c.seed_values}};
        if (c.n > 0) {
            o["mean"] = c.mean;
            o["std"] = c.std;
        }
        if (c.gain) o["gain_over_random_init"] = *c.gain;
        if (c.pruned_at >= 0) o["pruned_at"] = c.pruned_at;
        o["label"] = c.label;
        if (c.figures.n > 0) {
            const auto& f = c.figures;
            ojson splits = ojson::object();
            for (const auto& sp : f.splits)
                splits[sp.split] = {{"nn1", statJson(sp.nn1)},           {"knn", statJson(sp.knn)},
                                    {"auc", statJson(sp.auc)},           {"baseline_nn1", statJson(sp.base_nn1)},
                                    {"baseline_knn", statJson(sp.base_knn)}, {"baseline_auc", statJson(sp.base_auc)},
                                    {"probe", statJson(sp.probe)},           {"baseline_probe", statJson(sp.base_probe)},
                                    {"gain_knn", statJson(sp.gain_knn)},     {"gain_probe", statJson(sp.gain_probe)}};
            // Seed by seed against the reference: {"against", "mean", "sd", "n", "ahead", "ci95"} where seeds pair
            // up (ci95: the mean's 95 % t interval, from two seeds).
            for (const auto& sp : f.splits)
                for (const auto& [key, p] : {std::pair{"paired_gain_knn", &sp.paired_knn}, std::pair{"paired_gain_probe", &sp.paired_probe}})
                    if (p->diff.n > 0) {
                        ojson pj = statJson(p->diff);
                        pj["against"] = r.paired_reference;
                        pj["ahead"] = p->ahead;
                        if (p->hasInterval()) pj["ci95"] = ojson::array({p->ci95.lower, p->ci95.upper});
                        splits[sp.split][key] = pj;
                    }
            o["figures"] = {{"n", f.n},
                            {"splits", splits},
                            {"gain_nn1", statJson(f.gain_nn1)},
                            {"gain_knn", statJson(f.gain_knn)},
                            {"gain_probe", statJson(f.gain_probe)},
                            {"labels_used", statJson(f.labels_used)},
                            {"labels_total", f.labels_total},
                            {"teacher_entropy", statJson(f.teacher_entropy)},
                            {"student_std", statJson(f.student_std)},
                            {"wall_seconds", statJson(f.wall_seconds)},
                            {"guard", f.guard}};
        }
        j["ranked"].push_back(o);
    }
    j["effects"] = ojson::array();
    for (const auto& e : r.effects) {
        ojson levels = ojson::array();
        for (size_t k = 0; k < e.levels.size(); ++k) levels.push_back({{"level", e.levels[k]}, {"mean", e.means[k]}, {"n", e.counts[k]}});
        j["effects"].push_back({{"field", e.field}, {"spread", e.spread}, {"levels", levels}});
    }
    writeFileAtomic((fs::path(dir) / "sweep-results.json").string(), j.dump(2) + "\n");

    // The splits any configuration's figures have, in the order first met.
    std::vector<std::string> splits;
    for (const auto& c : r.ranked)
        for (const auto& sp : c.figures.splits)
            if (std::find(splits.begin(), splits.end(), sp.split) == splits.end()) splits.push_back(sp.split);
    static const char* kSplitColumns[] = {"nn1", "knn", "auc", "baseline_nn1", "baseline_knn", "baseline_auc", "probe", "baseline_probe"};
    auto mean = [](const Stat& st) { return st.n > 0 ? formatNumber(st.mean) : std::string(); };
    std::ostringstream csv;
    csv << "rank,config,state,n,mean,std,gain,pruned_at";
    if (!r.ranked.empty())
        for (const auto& [f, v] : r.ranked.front().values) csv << ',' << f;
    csv << ",label,finished_runs";
    for (const auto& sp : splits)
        for (const char* col : kSplitColumns) csv << ',' << sp << '_' << col;
    csv << ",gain_nn1,gain_knn,gain_probe,labels_used,labels_total,teacher_entropy,student_std,guard,wall_seconds\n";
    for (size_t i = 0; i < r.ranked.size(); ++i) {
        const auto& c = r.ranked[i];
        csv << i + 1 << ',' << sweepConfigName(c.config) << ',' << c.state << ',' << c.n << ','
            << (c.n > 0 ? formatNumber(c.mean) : "") << ',' << (c.n > 0 ? formatNumber(c.std) : "") << ',' << (c.gain ? formatNumber(*c.gain) : "") << ','
            << (c.pruned_at >= 0 ? std::to_string(c.pruned_at) : "");
        for (const auto& [f, v] : c.values) csv << ',' << csvField(valueText(v));
        const SweepFigures& fg = c.figures;
        csv << ',' << csvField(c.label) << ',' << fg.n;
        for (const auto& split : splits) {
            const auto it = std::find_if(fg.splits.begin(), fg.splits.end(), [&](const SweepSplitFigures& x) { return x.split == split; });
            const Stat none;
            const Stat* st[8] = {&none, &none, &none, &none, &none, &none, &none, &none};
            if (it != fg.splits.end()) {
                st[0] = &it->nn1, st[1] = &it->knn, st[2] = &it->auc, st[3] = &it->base_nn1, st[4] = &it->base_knn, st[5] = &it->base_auc;
                st[6] = &it->probe, st[7] = &it->base_probe;
            }
            for (const Stat* x : st) csv << ',' << mean(*x);
        }
        csv << ',' << mean(fg.gain_nn1) << ',' << mean(fg.gain_knn) << ',' << mean(fg.gain_probe) << ',' << mean(fg.labels_used) << ','
            << (fg.n > 0 ? std::to_string(fg.labels_total) : "") << ',' << mean(fg.teacher_entropy) << ','
            << mean(fg.student_std) << ',' << csvField(fg.guard) << ',' << mean(fg.wall_seconds) << '\n';
    }
    writeFileAtomic((fs::path(dir) / "sweep-results.csv").string(), csv.str());

    if (!r.ranked.empty() && r.ranked.front().state == "finished" && r.ranked.front().n > 0) {
        // configs/cNNN.json is the configuration as the sweep built it (base, set, values; system.seed the
        // first seed): the trials' thread share was passed on their command lines, not written there.
        RunConfig best = state.configs[static_cast<size_t>(r.ranked.front().config)].config;
        saveConfigFile(best, (fs::path(dir) / "best-config.json").string());
    }
}

std::string formatSweepResults(const SweepResults& r) {
    std::ostringstream os;
    os << "trials: " << r.trials << " (" << r.finished << " finished, " << r.pruned << " pruned, " << r.failed << " failed, "
       << r.pending << " not run)\n";
    if (r.steps_all > 0)
        os << "steps trained: " << r.steps_done << " of " << r.steps_all << " for every trial to the end ("
           << std::fixed << std::setprecision(0) << 100.0 * r.steps_done / r.steps_all << " %)\n";
    os << std::defaultfloat;
    os << "\n" << pad("rank", 6) << pad("config", 8) << pad(r.metric + " (mean ± std over seeds)", 40) << pad("gain", 9)
       << pad("n", 3) << "  state";
    if (!r.ranked.empty())
        for (const auto& [f, v] : r.ranked.front().values) os << "  " << f;
    os << "\n";
    for (size_t i = 0; i < r.ranked.size(); ++i) {
        const auto& c = r.ranked[i];
        std::ostringstream value;
        if (c.n > 0) value << std::fixed << std::setprecision(4) << c.mean << " ± " << c.std;
        else value << "-";
        std::string state = c.state;
        if (c.state == "pruned") state += c.pruned_at >= 0 ? " at step " + std::to_string(c.pruned_at) + " (last live value)" : "";
        std::ostringstream gain;
        if (c.gain) gain << std::showpos << std::fixed << std::setprecision(4) << *c.gain;
        else gain << "-";
        os << pad(std::to_string(i + 1), 6) << pad(sweepConfigName(c.config), 8) << pad(value.str(), 40) << pad(gain.str(), 9)
           << pad(std::to_string(c.n), 3) << "  " << state;
        for (const auto& [f, v] : c.values) os << "  " << valueText(v);
        os << "\n";
    }
    if (!r.effects.empty()) {
        os << "\nfields that mattered (the " << r.metric << " mean over finished configurations at each value; spread = max - min):\n";
        for (const auto& e : r.effects) {
            os << "  " << std::left << std::setw(28) << e.field << " spread " << std::fixed << std::setprecision(4) << e.spread << ":";
            for (size_t k = 0; k < e.levels.size(); ++k)
                os << "  " << valueText(e.levels[k]) << " -> "
                   << e.means[k] << " (n=" << e.counts[k] << ")";
            os << "\n";
        }
    } else if (r.ranked.size() >= 2) {
        // Successive halving often leaves one configuration finished: say so rather than print nothing.
        const auto done = std::count_if(r.ranked.begin(), r.ranked.end(),
                                         [](const SweepConfigResult& c) { return c.state == "finished" && c.n > 0; });
        os << "\nfields that mattered: none to compare (" << done << " configuration" << (done == 1 ? "" : "s")
           << " finished with values; a field needs two values among finished configurations, and pruned ones "
              "stopped early, so their values are not compared)\n";
    }
    return os.str();
}

std::string sweepResultsMarkdown(const SweepResults& r) {
    std::vector<std::string> splits;
    for (const auto& c : r.ranked)
        for (const auto& sp : c.figures.splits)
            if (std::find(splits.begin(), splits.end(), sp.split) == splits.end()) splits.push_back(sp.split);
    // A configuration's figures on one split, or null where its trials have none there.
    auto on = [](const SweepFigures& f, const std::string& split) -> const SweepSplitFigures* {
        const auto it = std::find_if(f.splits.begin(), f.splits.end(), [&](const SweepSplitFigures& x) { return x.split == split; });
        return it == f.splits.end() ? nullptr : &*it;
    };
    auto pct = [](const Stat& s) { return s.n > 0 ? fixed(100 * s.mean, 1) : std::string("–"); };
    auto pair = [&](const Stat& a, const Stat& b) { return pct(a) + " (" + pct(b) + ")"; };
    auto gain = [](const Stat& s) { return s.n == 0 ? std::string("–") : signedPoints(s.mean); };
    // The linear probe's columns only where some trial has one (eval.linear_probe).
    bool probes = false;
    for (const auto& c : r.ranked)
        for (const auto& sp : c.figures.splits) probes |= sp.probe.n > 0;
    std::ostringstream os;
    os << "| rank | config | seeds |";
    for (const auto& sp : splits) {
        os << ' ' << sp << " 1-NN | " << sp << " k-NN | " << sp << " AUC |";
        if (probes) os << ' ' << sp << " probe |";
    }
    os << " gain 1-NN | gain k-NN |" << (probes ? " gain probe |" : "") << " labels used | teacher entropy | spread | guard | wall s |\n|---|---|---|";
    for (size_t k = 0; k < splits.size(); ++k) os << (probes ? "---|---|---|---|" : "---|---|---|");
    os << (probes ? "---|" : "") << "---|---|---|---|---|---|---|\n";
    for (size_t i = 0; i < r.ranked.size(); ++i) {
        const auto& c = r.ranked[i];
        const SweepFigures& f = c.figures;
        os << "| " << i + 1 << " | `" << c.label << "` | ";
        if (f.n > 0) {
            os << f.n;
            if (c.state == "pruned") os << ", then pruned" << (c.pruned_at >= 0 ? " at step " + std::to_string(c.pruned_at) : "");
        } else if (c.state == "pruned")
            os << "pruned" << (c.pruned_at >= 0 ? " at step " + std::to_string(c.pruned_at) : "") << ", live "
               << (c.n > 0 ? fixed(100 * c.mean, 1) : std::string("–"));
        else os << c.state;
        os << " |";
        for (const auto& split : splits) {
            const SweepSplitFigures* it = on(f, split);
            if (!it) os << (probes ? " – | – | – | – |" : " – | – | – |");
            else {
                os << ' ' << pair(it->nn1, it->base_nn1) << " | " << pair(it->knn, it->base_knn) << " | "
                   << (it->auc.n > 0 ? fixed(it->auc.mean, 3) : "–") << " |";
                if (probes) os << ' ' << (it->probe.n > 0 ? pair(it->probe, it->base_probe) : std::string("–")) << " |";
            }
        }
        if (f.n > 0)
            os << ' ' << gain(f.gain_nn1) << " | " << gain(f.gain_knn) << " | " << (probes ? gain(f.gain_probe) + " | " : "")
               << (f.labels_used.n > 0 ? fixed(f.labels_used.mean, 0) : "–") << '/' << f.labels_total << " | "
               << (f.teacher_entropy.n > 0 ? fixed(f.teacher_entropy.mean, 2) : "–") << " | "
               << (f.student_std.n > 0 && std::isfinite(f.student_std.mean) ? fixed(f.student_std.mean, 2) : "–") << " | " << f.guard
               << " | " << (f.wall_seconds.n > 0 ? fixed(f.wall_seconds.mean, 0) : "–") << " |\n";
        else os << (probes ? " – |" : "") << " – | – | – | – | – | – | – |\n";
    }
    // The gains split by split, each with the seeds' spread: what a target such as "+10 on val and on test,
    // mean of 3 seeds" is checked against.
    const bool any = std::any_of(r.ranked.begin(), r.ranked.end(), [](const SweepConfigResult& c) { return c.figures.n > 0; });
    if (!any) return os.str();
    auto spread = [&](const Stat& s) {
        if (s.n == 0) return std::string("–");
        return gain(s) + (s.n > 1 && std::isfinite(s.sd) ? " ± " + fixed(100 * s.sd, 1) : "");
    };
    os << "\nGains over random init per split (per seed, then mean ± sd over the seeds):\n\n| rank | config | seeds |";
    for (const auto& sp : splits) os << ' ' << sp << " gain k-NN |" << (probes ? " " + sp + " gain probe |" : "");
    os << "\n|---|---|---|";
    for (size_t k = 0; k < splits.size(); ++k) os << (probes ? "---|---|" : "---|");
    os << "\n";
    for (size_t i = 0; i < r.ranked.size(); ++i) {
        const auto& c = r.ranked[i];
        const SweepFigures& f = c.figures;
        if (f.n == 0) continue;
        os << "| " << i + 1 << " | `" << c.label << "` | " << f.n << " |";
        for (const auto& split : splits) {
            const SweepSplitFigures* it = on(f, split);
            if (!it) os << (probes ? " – | – |" : " – |");
            else os << ' ' << spread(it->gain_knn) << " |" << (probes ? " " + spread(it->gain_probe) + " |" : "");
        }
        os << "\n";
    }
    // Seed by seed against the spec's first configuration: the differences of the gains above, where the
    // seeds' shared spread (a seed's random init and data order move both) cancels.
    auto paired = [](const Paired& p) {
        if (p.diff.n == 0) return std::string("–");
        const std::string interval = pairedIntervalText(p);
        return pairedText(p) + (interval.empty() ? "" : ", 95 % " + interval);
    };
    std::ostringstream rows;
    for (size_t i = 0; i < r.ranked.size(); ++i) {
        const auto& c = r.ranked[i];
        if (c.config == 0 || c.figures.n == 0) continue;
        int n = 0;
        for (const auto& sp : c.figures.splits) n = std::max(n, sp.paired_knn.diff.n);
        if (n == 0) continue;
        rows << "| " << i + 1 << " | `" << c.label << "` | " << n << " |";
        for (const auto& split : splits) {
            const SweepSplitFigures* it = on(c.figures, split);
            if (!it) rows << (probes ? " – | – |" : " – |");
            else rows << ' ' << paired(it->paired_knn) << " |" << (probes ? " " + paired(it->paired_probe) + " |" : "");
        }
        rows << "\n";
    }
    if (rows.tellp() == 0) return os.str();
    os << "\nPaired by seed against `" << r.paired_reference
       << "` (the spec's first configuration): each gain minus its gain with the same seed, mean ± sd over the seeds "
          "both finished, (seeds ahead/seeds), and the 95 % interval of the mean difference (Student's t over the "
          "seeds; one that spans 0 is no evidence either way):\n\n| rank | config | seeds paired |";
    for (const auto& sp : splits) os << ' ' << sp << " Δ gain k-NN |" << (probes ? " " + sp + " Δ gain probe |" : "");
    os << "\n|---|---|---|";
    for (size_t k = 0; k < splits.size(); ++k) os << (probes ? "---|---|" : "---|");
    os << "\n" << rows.str();
    return os.str();
}

}  // namespace dino::api
