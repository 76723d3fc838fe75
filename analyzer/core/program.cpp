#include "core/program.h"

#include <algorithm>

namespace hg {

const char* methodName(HttpMethod m) {
  switch (m) {
    case HttpMethod::Get: return "GET";
    case HttpMethod::Head: return "HEAD";
    case HttpMethod::Post: return "POST";
    case HttpMethod::Put: return "PUT";
    case HttpMethod::Patch: return "PATCH";
    case HttpMethod::Delete: return "DELETE";
    case HttpMethod::Options: return "OPTIONS";
    case HttpMethod::Any: return "ANY";
  }
  return "?";
}

std::string Route::label() const {
  const char* method = methods.empty() ? "ANY" : methodName(methods.front());
  for (HttpMethod m : {HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch}) {
    if (std::find(methods.begin(), methods.end(), m) != methods.end()) {
      method = methodName(m);
      break;
    }
  }
  return std::string(method) + (path.empty() ? " route" : " " + path);
}

bool Route::acceptsBody() const {
  for (HttpMethod m : methods) {
    if (m == HttpMethod::Post || m == HttpMethod::Put || m == HttpMethod::Patch || m == HttpMethod::Any)
      return true;
  }
  return false;
}

FunctionId Program::addFunction(Function f) {
  std::lock_guard lock(addMutex_);
  auto id = static_cast<FunctionId>(functions_.size());
  f.id = id;
  functions_.push_back(std::make_unique<Function>(std::move(f)));
  return id;
}

FunctionId Program::addFunctions(std::vector<Function> batch) {
  std::lock_guard lock(addMutex_);
  auto base = static_cast<FunctionId>(functions_.size());
  auto rebase = [base](FunctionId& id) {
    if (id != kNoFunction) id += base;
  };
  for (size_t i = 0; i < batch.size(); ++i) {
    Function& f = batch[i];
    f.id = base + static_cast<FunctionId>(i);
    rebase(f.parent);
    for (Expr& e : f.exprs) rebase(e.function);
    functions_.push_back(std::make_unique<Function>(std::move(f)));
  }
  return base;
}

Module& Program::addModule(Module m) {
  std::lock_guard lock(addMutex_);
  return modules.emplace_back(std::move(m));
}

FunctionId Program::findFunction(const std::string& qualified) const {
  auto it = functionsByName_.find(qualified);
  return it == functionsByName_.end() ? kNoFunction : it->second;
}

const ClassDef* Program::findClass(const std::string& qualified) const {
  auto it = classesByName_.find(qualified);
  return it == classesByName_.end() ? nullptr : it->second;
}

const Module* Program::findModule(const std::string& name) const {
  auto it = modulesByName_.find(name);
  return it == modulesByName_.end() ? nullptr : it->second;
}

const Module* Program::moduleOf(FileId file) const {
  auto it = modulesByFile_.find(file);
  return it == modulesByFile_.end() ? nullptr : it->second;
}

void Program::buildIndexes() {
  functionsByName_.clear();
  classesByName_.clear();
  modulesByName_.clear();
  modulesByFile_.clear();
  for (const auto& f : functions_) {
    // The first definition wins, as Python's later redefinitions are rare in handlers and a
    // stable choice keeps output deterministic.
    functionsByName_.emplace(f->qualified, f->id);
  }
  for (const Module& m : modules) {
    modulesByName_.emplace(m.name, &m);
    modulesByFile_.emplace(m.file, &m);
    for (const ClassDef& c : m.classes) classesByName_.emplace(c.qualified, &c);
  }
}

}  // namespace hg
