// Running a sweep: its state file, the trial processes, the early-stopping rule at each live k-NN
// point, and resuming a killed sweep.
#include "api/sweep.h"

#include "api/run_directory.h"
#include "common/fsutil.h"
#include "common/config_schema.h"
#include "common/cpu_features.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace dino::api {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
namespace fs = std::filesystem;

std::string specPath(const std::string& dir) { return (fs::path(dir) / "sweep.json").string(); }
std::string statePath(const std::string& dir) { return (fs::path(dir) / "sweep-state.json").string(); }
std::string logPath(const std::string& dir) { return (fs::path(dir) / "sweep-log.txt").string(); }

std::string configPath(const std::string& dir, int index) {
    return (fs::path(dir) / "configs" / (sweepConfigName(index) + ".json")).string();
}

}  // namespace

std::string sweepConfigName(int index) {
    std::ostringstream os;
    os << 'c' << std::setw(3) << std::setfill('0') << index;
    return os.str();
}

void saveSweepState(const std::string& dir, const SweepState& s) {
    ojson j;
    j["version"] = 1;
    j["seconds"] = s.seconds;
    j["threads_per_trial"] = s.threads_per_trial;
    j["configs"] = ojson::array();
    for (const auto& c : s.configs) {
        ojson values = ojson::object();
        for (const auto& [f, v] : c.values) values[f] = ojson::parse(v);
        j["configs"].push_back({{"index", c.index}, {"name", sweepConfigName(c.index)}, {"values", values}});
    }
    j["trials"] = ojson::array();
    for (const auto& t : s.trials) {
        ojson reports = ojson::array();
        for (const auto& [step, v] : t.reports) reports.push_back({step, v});
        ojson o = {{"id", t.id},           {"config", t.config},         {"seed", t.seed},
                   {"name", t.name},       {"state", t.state},           {"starts", t.starts},
                   {"reports", reports},   {"steps_done", t.steps_done}, {"steps_planned", t.steps_planned},
                   {"pruned_at", t.pruned_at}};
        if (t.final_value) {
            o["final_value"] = *t.final_value;
            o["final_source"] = t.final_source;
        }
        if (t.baseline_value) o["baseline_value"] = *t.baseline_value;
        if (!t.message.empty()) o["message"] = t.message;
        if (t.state == "running") o["pid"] = t.pid;
        j["trials"].push_back(o);
    }
    writeFileAtomic(statePath(dir), j.dump(2) + "\n");
}

SweepState loadSweepState(const std::string& dir) {
    const std::string path = statePath(dir);
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw std::runtime_error(dir + " is not a sweep folder (no sweep-state.json); start one with `dino sweep SPEC.json --out DIR`");
    SweepState s;
    try {
        const ojson j = ojson::parse(readTextFile(path));
        s.seconds = j.at("seconds").get<double>();
        s.threads_per_trial = j.value("threads_per_trial", 0);
        for (const auto& c : j.at("configs")) {
            SweepConfiguration cfg;
            cfg.index = c.at("index").get<int>();
            for (auto it = c.at("values").begin(); it != c.at("values").end(); ++it) cfg.values.emplace_back(it.key(), it.value().dump());
            cfg.config = loadConfigFile(configPath(dir, cfg.index));
            s.configs.push_back(std::move(cfg));
        }
        for (const auto& o : j.at("trials")) {
            SweepTrial t;
            t.id = o.at("id").get<int>();
            t.config = o.at("config").get<int>();
            t.seed = o.at("seed").get<uint64_t>();
            t.name = o.at("name").get<std::string>();
            t.state = o.at("state").get<std::string>();
            t.starts = o.at("starts").get<int>();
            for (const auto& r : o.at("reports")) t.reports.emplace_back(r.at(0).get<int64_t>(), r.at(1).get<double>());
            if (o.contains("final_value")) {
                t.final_value = o["final_value"].get<double>();
                t.final_source = o.value("final_source", "");
            }
            if (o.contains("baseline_value")) t.baseline_value = o["baseline_value"].get<double>();
            t.pruned_at = o.value("pruned_at", int64_t(-1));
            t.steps_done = o.value("steps_done", int64_t(0));
            t.steps_planned = o.value("steps_planned", int64_t(0));
            t.message = o.value("message", "");
            t.pid = o.value("pid", 0L);
            if (t.config < 0 || t.config >= static_cast<int>(s.configs.size())) throw std::runtime_error("a trial of an unknown configuration");
            s.trials.push_back(std::move(t));
        }
    } catch (const ConfigError&) {
        throw;
    } catch (const std::exception& e) {
        throw std::runtime_error(path + ": not a readable sweep state (" + e.what() + ")");
    }
    return s;
}

void createSweep(const std::string& spec_path, const std::string& dir) {
    const SweepSpec spec = loadSweepSpec(spec_path);
    const auto configs = sweepConfigurations(spec);  // every configuration validated before anything is written
    std::error_code ec;
    // The folder may already hold the spec itself and its base config file (the GUI's sweep dialog writes
    // them there, so that the sweep folder stands on its own), and nothing else.
    auto ownFile = [&](const fs::path& p) {
        const fs::path f = fs::weakly_canonical(p, ec);
        return f == fs::weakly_canonical(spec_path, ec) || (!spec.base.empty() && f == fs::weakly_canonical(spec.base, ec));
    };
    bool empty = true;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) empty = false;
        else
            for (const auto& e : fs::directory_iterator(dir, ec))
                if (!ownFile(e.path())) empty = false;
    }
    if (!empty)
        throw std::runtime_error(dir + " exists and is not empty: a new sweep needs a new or empty folder (continue one with "
                                       "`dino sweep --resume " + dir + "`)");
    ensureDir(dir);
    ensureDir((fs::path(dir) / "configs").string());
    ensureDir((fs::path(dir) / "logs").string());
    // The spec as given, with its base made absolute so that the folder stands on its own.
    ojson j = ojson::parse(readTextFile(spec_path));
    j["base"] = spec.base;
    writeFileAtomic(specPath(dir), j.dump(2) + "\n");
    SweepState s;
    s.configs = configs;
    if (spec.parallel > 1) {
        const bool fixed = std::any_of(spec.set.begin(), spec.set.end(), [](const auto& f) { return f.first == "system.threads"; }) ||
                           std::any_of(spec.space.begin(), spec.space.end(), [](const auto& d) { return d.field == "system.threads"; });
        if (!fixed) s.threads_per_trial = std::max(1, physicalCores() / spec.parallel);
    }
    for (const auto& c : configs) saveConfigFile(c.config, configPath(dir, c.index));
    for (uint64_t seed : spec.seeds)  // seed-major: early stopping sees every configuration before the second seeds
        for (const auto& c : configs) {
            SweepTrial t;
            t.id = static_cast<int>(s.trials.size());
            t.config = c.index;
            t.seed = seed;
            t.name = sweepConfigName(c.index) + "-seed" + std::to_string(seed);
            s.trials.push_back(std::move(t));
        }
    saveSweepState(dir, s);
}

namespace {

std::string clockTime() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

// The last non-empty line of a file (a failed trial's error), or "".
std::string lastLine(const std::string& path) {
    std::ifstream in(path);
    std::string line, last;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
    return last;
}

// The complete rows of knn.csv (a row being written is left for the next look).
std::vector<KnnPoint> readKnn(const std::string& run_dir) {
    std::vector<KnnPoint> out;
    std::ifstream in(runKnnPath(run_dir));
    if (!in) return out;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    size_t pos = text.find('\n');  // after the header
    while (pos != std::string::npos) {
        const size_t end = text.find('\n', pos + 1);
        if (end == std::string::npos) break;
        const std::string line = text.substr(pos + 1, end - pos - 1);
        if (!line.empty()) out.push_back(parseKnnCsvRow(line));
        pos = end;
    }
    return out;
}

std::string runState(const std::string& run_dir) {
    try {
        return json::parse(readTextFile(runStatusPath(run_dir))).value("state", "");
    } catch (const std::exception&) {
        return "";
    }
}

bool hasCheckpoint(const std::string& run_dir) {
    std::error_code ec;
    return fs::exists(fs::path(run_dir) / "checkpoints" / "last.ckpt", ec);
}

// Whether pid is still the trial process that writes run_dir (its command line names the folder).
bool stillRunning(long pid, const std::string& name) {
    if (pid <= 0) return false;
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    if (!in) return false;
    std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return cmd.find(name) != std::string::npos;
}

}  // namespace

int64_t sweepRuleStep(int64_t step, int batch_size, int base_batch_size) {
    if (batch_size <= 0 || base_batch_size <= 0 || batch_size == base_batch_size) return step;
    return std::llround(static_cast<double>(step) * batch_size / base_batch_size);
}

namespace {

class Runner {
public:
    Runner(std::string dir, const SweepOptions& opt)
        : dir_(std::move(dir)), opt_(opt), spec_(loadSweepSpec(specPath(dir_))), state_(loadSweepState(dir_)) {
        if (spec_.early_stopping) {
            pruner_ = makePruner(*spec_.early_stopping);
            base_batch_ = sweepBaseConfig(spec_).optim.batch_size;
        }
        log_.open(logPath(dir_), std::ios::app);
    }

    SweepOutcome run() {
        replay();
        const auto t0 = std::chrono::steady_clock::now();
        const double seconds0 = state_.seconds;
        bool budget_logged = false;
        int ended = 0, failures_in_a_row = 0;
        for (;;) {
            state_.seconds = seconds0 + std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (opt_.cancelled && opt_.cancelled()) return stop("stopped by the user");
            const bool budget = spec_.wall_minutes > 0 && state_.seconds >= spec_.wall_minutes * 60;
            if (budget && !budget_logged) {
                say("wall budget of " + formatNumber(spec_.wall_minutes) + " min spent: no further trial starts");
                budget_logged = true;
            }
            while (!budget && static_cast<int>(active_.size()) < spec_.parallel &&
                   (opt_.stop_after <= 0 || ended + static_cast<int>(active_.size()) < opt_.stop_after)) {
                SweepTrial* t = nextPending();
                if (!t) break;
                start(*t);
            }
            if (active_.empty()) {
                nextPending();  // marks the trials of pruned configurations
                save();
                const bool pending = std::any_of(state_.trials.begin(), state_.trials.end(),
                                                 [](const SweepTrial& t) { return t.state == "pending"; });
                if (!pending) {
                    say("sweep finished");
                    return SweepOutcome::Finished;
                }
                if (budget) return SweepOutcome::BudgetSpent;
                return stop(opt_.stop_after > 0 && ended >= opt_.stop_after
                                ? "stopped after " + std::to_string(ended) + " trial(s) (--stop-after)"
                                : std::to_string(held_.size()) + " trial(s) were interrupted from outside the sweep");
            }
            bool changed = false;
            for (size_t i = 0; i < active_.size();) {
                Active& a = active_[i];
                int status = 0;
                const bool exited = waitpid(a.pid, &status, WNOHANG) == a.pid;
                changed |= follow(a, exited);
                if (exited) {
                    const bool failed = end(a, status);
                    failures_in_a_row = failed ? failures_in_a_row + 1 : 0;
                    ++ended;
                    active_.erase(active_.begin() + static_cast<long>(i));
                    changed = true;
                    if (failures_in_a_row >= 3 && noneEnded()) {
                        stop("the first trials all failed");
                        throw std::runtime_error("the first " + std::to_string(failures_in_a_row) + " trials failed (see " +
                                                 (fs::path(dir_) / "logs").string() + "); the sweep stops");
                    }
                } else {
                    ++i;
                }
            }
            if (changed) save();
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }

private:
    struct Active {
        int trial = 0;
        pid_t pid = 0;
        bool pruning = false;
        std::string prune_reason;
    };

    SweepTrial& trial(int id) { return state_.trials[static_cast<size_t>(id)]; }
    int batchOf(const SweepTrial& t) const { return state_.configs[static_cast<size_t>(t.config)].config.optim.batch_size; }
    int64_t ruleStep(const SweepTrial& t, int64_t step) const { return sweepRuleStep(step, batchOf(t), base_batch_); }
    std::string runDir(const SweepTrial& t) const { return (fs::path(dir_) / t.name).string(); }
    void save() { saveSweepState(dir_, state_); }

    void say(const std::string& line) {
        log_ << clockTime() << "  " << line << std::endl;
        if (opt_.log) opt_.log(line);
    }

    // The rule's memory is a function of the reports: a resumed sweep feeds them in again. A trial left
    // running by a killed sweep becomes pending again, once its process is gone.
    void replay() {
        for (const auto& t : state_.trials)
            if (pruner_)
                for (const auto& [step, v] : t.reports) pruner_->report(t.id, t.config, ruleStep(t, step), v);
        for (auto& t : state_.trials) {
            if (t.state != "running") continue;
            for (int i = 0; i < 600 && stillRunning(t.pid, t.name); ++i) {
                if (i == 0) say(t.name + ": waiting for its process " + std::to_string(t.pid) + " (left by the killed sweep) to stop");
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            if (stillRunning(t.pid, t.name))
                throw std::runtime_error(t.name + " is still being trained by process " + std::to_string(t.pid) +
                                         "; stop it before resuming the sweep");
            t.state = "pending";
            t.pid = 0;
        }
        // A failed trial asked to run again: from its last.ckpt where it wrote one (a crash, a full disk),
        // else anew. Its live k-NN points stay with the rule: they happened.
        if (opt_.retry_failed)
            for (auto& t : state_.trials) {
                if (t.state != "failed") continue;
                say(t.name + ": failed before (" + t.message + "), run again");
                t.state = "pending";
                t.message.clear();
                t.final_value.reset();
                t.baseline_value.reset();
                t.final_source.clear();
            }
        if (!spec_.evaluate.empty())
            for (const auto& t : state_.trials)
                if (t.state == "finished") evaluateSplits(t);
        const int done = static_cast<int>(std::count_if(state_.trials.begin(), state_.trials.end(),
                                                        [](const SweepTrial& t) { return t.state != "pending"; }));
        if (done > 0) say("resuming: " + std::to_string(done) + " of " + std::to_string(state_.trials.size()) + " trials ended before");
        save();
    }

    bool noneEnded() const {
        return std::none_of(state_.trials.begin(), state_.trials.end(),
                            [](const SweepTrial& t) { return t.state == "finished" || t.state == "pruned"; });
    }

    bool configPruned(int config) const {
        return std::any_of(state_.trials.begin(), state_.trials.end(),
                           [&](const SweepTrial& t) { return t.config == config && t.state == "pruned"; });
    }

    // The next trial to run; trials of a pruned configuration are marked pruned on the way.
    SweepTrial* nextPending() {
        for (auto& t : state_.trials) {
            if (t.state != "pending" || held_.count(t.id)) continue;
            if (configPruned(t.config)) {
                t.state = "pruned";
                t.message = "not run: its configuration was pruned";
                say(t.name + ": not run, " + sweepConfigName(t.config) + " was pruned");
                continue;
            }
            return &t;
        }
        return nullptr;
    }

    void start(SweepTrial& t) {
        const std::string run = runDir(t);
        const std::string before = runState(run);
        if (before == "finished") {  // ended while the sweep that ran it was being killed
            t.state = "running";
            recordEnd(t, 0, false);
            save();
            return;
        }
        const bool resume = hasCheckpoint(run);
        std::error_code ec;
        if (!resume && fs::exists(run, ec)) {
            fs::remove_all(run, ec);  // started, but killed before its first checkpoint: nothing to keep
            t.reports.clear();        // (the rule keeps the points it saw: they happened)
        }
        std::vector<std::string> args{opt_.dino_exe};
        if (resume) args.insert(args.end(), {"resume", run});
        else {
            args.insert(args.end(), {"train", "--config", configPath(dir_, t.config), "--set", "system.seed=" + std::to_string(t.seed)});
            if (state_.threads_per_trial > 0) args.insert(args.end(), {"--set", "system.threads=" + std::to_string(state_.threads_per_trial)});
            args.insert(args.end(), {"--run", run});
        }
        const std::string out = (fs::path(dir_) / "logs" / (t.name + ".txt")).string();
        const pid_t pid = spawn(args, out);
        t.state = "running";
        t.pid = pid;
        ++t.starts;
        active_.push_back({t.id, pid, false, ""});
        std::string values;
        for (const auto& [f, v] : state_.configs[static_cast<size_t>(t.config)].values) values += " " + f + "=" + v;
        say(t.name + (resume ? ": resumed from last.ckpt" : ": started") + " (pid " + std::to_string(pid) + "):" + values +
            " system.seed=" + std::to_string(t.seed));
        save();
    }

    // A trial process: `dino train|resume ...` in its own process group (a terminal's Ctrl-C reaches the
    // sweep, which passes it on), interrupted like Ctrl-C when the sweep process dies, output to `out`.
    pid_t spawn(const std::vector<std::string>& args_s, const std::string& out) {
        std::vector<std::string> copy = args_s;
        std::vector<char*> argv;
        for (auto& s : copy) argv.push_back(s.data());
        argv.push_back(nullptr);
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0) throw std::runtime_error("cannot write " + out + ": " + std::strerror(errno));
        const pid_t parent = getpid();
        const pid_t pid = fork();
        if (pid < 0) {
            const int err = errno;
            ::close(fd);
            throw std::runtime_error(std::string("cannot start a trial process: ") + std::strerror(err));
        }
        if (pid == 0) {  // async-signal-safe calls only, up to exec
            setpgid(0, 0);
            prctl(PR_SET_PDEATHSIG, SIGINT);
            if (getppid() != parent) raise(SIGINT);
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            execv(argv[0], argv.data());
            static const char msg[] = "dino sweep: cannot execute the trial process\n";
            ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1);
            (void)ignored;
            _exit(127);
        }
        ::close(fd);
        setpgid(pid, pid);
        return pid;
    }

    double metricOf(const KnnPoint& p) const { return spec_.metric == "knn_1nn" ? p.knn_1nn : p.knn_weighted; }

    // New points of the trial's live k-NN curve, each put to the rule. Returns whether any came.
    bool follow(Active& a, bool exited) {
        SweepTrial& t = trial(a.trial);
        std::vector<KnnPoint> points;
        try {
            points = readKnn(runDir(t));
        } catch (const std::exception&) {
            return false;  // a malformed row is the trial's problem; its end reports it
        }
        bool any = false;
        for (const auto& p : points) {
            // After the decision that pruned it, a trial's points (until it stops) are not the rule's: the rule
            // sees the same points however fast the trial stops, and the sweep decides the same every time.
            if (a.pruning) break;
            if (!t.reports.empty() && p.step <= t.reports.back().first) continue;
            const double v = metricOf(p);
            t.reports.emplace_back(p.step, v);
            t.baseline_value = spec_.metric == "knn_1nn" ? p.baseline_1nn : p.baseline_weighted;
            any = true;
            if (!pruner_) continue;
            const int64_t rule_step = ruleStep(t, p.step);
            const PrunerDecision d = pruner_->report(t.id, t.config, rule_step, v);
            if (d.reason.empty()) continue;
            // A trial of seconds can end before its point is read; the decision stands all the same, so that
            // the sweep's decisions depend on the values alone, not on timing.
            const std::string own = rule_step == p.step ? "" : " (its own step " + std::to_string(p.step) + " at batch " +
                                                                  std::to_string(batchOf(t)) + ")";
            say(t.name + " " + d.reason + own + (d.prune && exited ? " (the trial had ended meanwhile)" : ""));
            if (d.prune) prune(a, p.step, "", exited);
        }
        return any;
    }

    void prune(Active& a, int64_t step, const std::string& why, bool exited = false) {
        a.pruning = true;
        a.prune_reason = why;
        trial(a.trial).pruned_at = step;
        if (!exited) kill(-a.pid, SIGINT);  // stops after the current step, keeping its curves and last.ckpt
        // The configuration's other seeds that are running stop too.
        const int config = trial(a.trial).config;
        for (auto& other : active_)
            if (!other.pruning && trial(other.trial).config == config) {
                const auto& reps = trial(other.trial).reports;
                prune(other, reps.empty() ? 0 : reps.back().first, "its configuration was pruned with " + trial(a.trial).name);
                say(trial(other.trial).name + ": stopped, " + sweepConfigName(config) + " was pruned");
            }
    }

    // Returns whether the trial failed.
    bool end(const Active& a, int status) {
        SweepTrial& t = trial(a.trial);
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (!a.prune_reason.empty()) t.message = a.prune_reason;
        return recordEnd(t, code, a.pruning);
    }

    bool recordEnd(SweepTrial& t, int code, bool pruning) {
        const std::string run = runDir(t);
        t.pid = 0;
        std::optional<RunSnapshot> snap;
        try {
            snap = loadRun(run);
            t.steps_done = snap->steps.empty() ? 0 : snap->steps.back().step + 1;
            t.steps_planned = snap->plan.total_steps;
        } catch (const std::exception&) {
        }
        if (pruning && (code == 0 || code == 3)) {
            t.state = "pruned";
            if (!t.reports.empty()) {
                t.final_value = t.reports.back().second;
                t.final_source = "live k-NN";
            }
            say(t.name + ": pruned at step " + std::to_string(t.pruned_at) + " after " + std::to_string(t.steps_done) + " of " +
                std::to_string(t.steps_planned) + " steps");
        } else if (code == 0) {
            t.state = "finished";
            if (snap && snap->eval) {
                const bool nn1 = spec_.metric == "knn_1nn";
                t.final_value = nn1 ? snap->eval->trained.nn1_accuracy : snap->eval->trained.knn_accuracy;
                t.baseline_value = nn1 ? snap->eval->baseline.nn1_accuracy : snap->eval->baseline.knn_accuracy;
                t.final_source = "eval.json";
            } else if (!t.reports.empty()) {
                t.final_value = t.reports.back().second;
                t.final_source = "live k-NN";
            }
            say(t.name + ": finished, " + spec_.metric + " " + (t.final_value ? formatNumber(*t.final_value) : "none") +
                (t.final_source.empty() ? "" : " (" + t.final_source + ")"));
            evaluateSplits(t);
        } else if (code == 3) {
            // Interrupted from outside the sweep: it keeps last.ckpt, and --resume continues it.
            t.state = "pending";
            held_.insert(t.id);
            say(t.name + ": interrupted from outside the sweep; `dino sweep --resume` continues it from last.ckpt");
            return false;
        } else {
            t.state = "failed";
            const std::string why = lastLine((fs::path(dir_) / "logs" / (t.name + ".txt")).string());
            t.message = "exit code " + std::to_string(code) + (why.empty() ? "" : ": " + why);
            say(t.name + ": failed (" + t.message + ")");
        }
        writeMarker(t);
        return t.state == "failed";
    }

    // The spec's extra splits of a finished trial (`dino eval RUN --split S` into eval_S.json), each run to
    // its end before the sweep goes on (seconds on a sample); one that exists is not redone. A failed
    // evaluation is logged and leaves the trial finished: its ranking split is in eval.json.
    void evaluateSplits(const SweepTrial& t) {
        const std::string run = runDir(t);
        const std::string own = state_.configs[static_cast<size_t>(t.config)].config.eval.test_split;
        for (const std::string& split : spec_.evaluate) {
            std::error_code ec;
            if (split == own || fs::exists(runSplitEvalPath(run, split), ec)) continue;
            if (opt_.cancelled && opt_.cancelled()) return;  // --resume evaluates what is missing
            const pid_t pid = spawn({opt_.dino_exe, "eval", run, "--split", split},
                                    (fs::path(dir_) / "logs" / (t.name + ".txt")).string());
            int status = 0;
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            say(t.name + ": evaluated on " + split + (ok ? "" : " FAILED (see logs/" + t.name + ".txt)"));
        }
    }

    // sweep-trial.json in the trial's run directory: which sweep, configuration and seed it belongs to, and
    // how it ended, for the tools that list runs.
    void writeMarker(const SweepTrial& t) {
        std::error_code ec;
        if (!fs::is_directory(runDir(t), ec)) return;
        json j = {{"sweep", fs::absolute(dir_).lexically_normal().string()}, {"config", t.config}, {"seed", t.seed}, {"state", t.state}};
        if (t.pruned_at >= 0) j["pruned_at"] = t.pruned_at;
        writeFileAtomic((fs::path(runDir(t)) / "sweep-trial.json").string(), j.dump(2) + "\n");
    }

    SweepOutcome stop(const std::string& why) {
        for (auto& a : active_) kill(-a.pid, SIGINT);
        for (auto& a : active_) {
            int status = 0;
            waitpid(a.pid, &status, 0);
            follow(a, true);
            SweepTrial& t = trial(a.trial);
            if (a.pruning || (WIFEXITED(status) && WEXITSTATUS(status) == 0)) end(a, status);
            else {
                t.state = "pending";  // keeps last.ckpt: --resume continues it
                t.pid = 0;
            }
        }
        active_.clear();
        say(why + "; `dino sweep --resume " + dir_ + "` continues");
        save();
        return SweepOutcome::Stopped;
    }

    std::string dir_;
    SweepOptions opt_;
    SweepSpec spec_;
    SweepState state_;
    std::unique_ptr<Pruner> pruner_;
    int base_batch_ = 0;  // the base's optim.batch_size: the rule's unit of progress
    std::ofstream log_;
    std::vector<Active> active_;
    std::set<int> held_;  // interrupted from outside: not started again in this call
};

}  // namespace

SweepOutcome runSweep(const std::string& dir, const SweepOptions& options) {
    if (options.dino_exe.empty()) throw std::invalid_argument("runSweep: the dino executable is needed to run the trials");
    loadSweepState(dir);  // a folder that is no sweep is named as such
    return Runner(dir, options).run();
}

}  // namespace dino::api
