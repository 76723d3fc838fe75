#include "cpp/fallback_headers.h"

namespace hg::cpp {

namespace {

// Every operator is declared so that an expression over unknown values type-checks; the result
// is again unknown (comparisons give bool, so conditions stay conditions).
constexpr std::string_view kPrelude = R"(#pragma clang system_header
#if __has_include(<initializer_list>)
#include <initializer_list>
#define __HOOKGUARD_LISTS 1
#endif
struct __hookguard_unknown {
  __hookguard_unknown();
  template <class A, class... B> __hookguard_unknown(A&&, B&&...);
  template <class T> operator T() const;
  operator long long() const;  // a switch needs one non-template conversion to an integer
  template <class... A> __hookguard_unknown operator()(A&&...) const;
#ifdef __HOOKGUARD_LISTS
  // A braced list argument (`{Post, Put}`) deduces no template parameter: one overload per
  // position it may take.
  template <class... B> __hookguard_unknown operator()(std::initializer_list<__hookguard_unknown>, B&&...) const;
  template <class A0, class... B>
  __hookguard_unknown operator()(A0&&, std::initializer_list<__hookguard_unknown>, B&&...) const;
  template <class A0, class A1, class... B>
  __hookguard_unknown operator()(A0&&, A1&&, std::initializer_list<__hookguard_unknown>, B&&...) const;
  template <class A0, class A1, class A2, class... B>
  __hookguard_unknown operator()(A0&&, A1&&, A2&&, std::initializer_list<__hookguard_unknown>, B&&...) const;
  template <class A0, class A1, class A2, class A3, class... B>
  __hookguard_unknown operator()(A0&&, A1&&, A2&&, A3&&, std::initializer_list<__hookguard_unknown>, B&&...) const;
#endif
  template <class A> __hookguard_unknown operator[](A&&) const;
  __hookguard_unknown* operator->() const;
  __hookguard_unknown& operator*() const;
  __hookguard_unknown operator-() const;
  __hookguard_unknown operator~() const;
  __hookguard_unknown& operator++();
  __hookguard_unknown operator++(int);
  __hookguard_unknown& operator--();
  __hookguard_unknown operator--(int);
  __hookguard_unknown* begin() const;
  __hookguard_unknown* end() const;
  template <class A> __hookguard_unknown& operator=(A&&);
  template <class A> __hookguard_unknown& operator+=(A&&);
  template <class A> __hookguard_unknown& operator-=(A&&);
  template <class A> __hookguard_unknown& operator*=(A&&);
  template <class A> __hookguard_unknown& operator/=(A&&);
  template <class A> __hookguard_unknown& operator|=(A&&);
  template <class A> __hookguard_unknown& operator&=(A&&);
  template <class A> __hookguard_unknown& operator<<=(A&&);
  template <class A> __hookguard_unknown& operator>>=(A&&);
};
// Only viable when an operand is itself unknown: the converting constructor must never make
// these candidates for other types' operators (`e - b` on an enum and a bool stays built-in).
template <class T> struct __hookguard_is_unknown { static constexpr bool value = false; };
template <> struct __hookguard_is_unknown<__hookguard_unknown> { static constexpr bool value = true; };
template <class T> struct __hookguard_is_unknown<T&> : __hookguard_is_unknown<T> {};
template <class T> struct __hookguard_is_unknown<T&&> : __hookguard_is_unknown<T> {};
template <class T> struct __hookguard_is_unknown<const T> : __hookguard_is_unknown<T> {};
template <bool> struct __hookguard_when {};
template <> struct __hookguard_when<true> { typedef int type; };
#define __HOOKGUARD_BINARY(op, result) \
  template <class L, class R, typename __hookguard_when<__hookguard_is_unknown<L>::value || \
                                                       __hookguard_is_unknown<R>::value>::type = 0> \
  result operator op(L&&, R&&);
__HOOKGUARD_BINARY(+, __hookguard_unknown)
__HOOKGUARD_BINARY(-, __hookguard_unknown)
__HOOKGUARD_BINARY(*, __hookguard_unknown)
__HOOKGUARD_BINARY(/, __hookguard_unknown)
__HOOKGUARD_BINARY(%, __hookguard_unknown)
__HOOKGUARD_BINARY(&, __hookguard_unknown)
__HOOKGUARD_BINARY(|, __hookguard_unknown)
__HOOKGUARD_BINARY(^, __hookguard_unknown)
__HOOKGUARD_BINARY(<<, __hookguard_unknown)
__HOOKGUARD_BINARY(>>, __hookguard_unknown)
__HOOKGUARD_BINARY(==, bool)
__HOOKGUARD_BINARY(!=, bool)
__HOOKGUARD_BINARY(<, bool)
__HOOKGUARD_BINARY(>, bool)
__HOOKGUARD_BINARY(<=, bool)
__HOOKGUARD_BINARY(>=, bool)
#undef __HOOKGUARD_BINARY
)";

// Drogon declares controller routes with macros in the class body; without the header they
// would be parse errors that also cost the handlers declared after them. The stand-ins call
// the registration functions with the arguments in the order the real macros pass them
// (method, pattern, HTTP methods, whether the class path prefixes the pattern).
constexpr std::string_view kDrogonControllerMacros = R"(#pragma once
#ifndef METHOD_LIST_BEGIN
#define METHOD_LIST_BEGIN static void initPathRouting() {
#define METHOD_ADD(method, pattern, ...) \
  ::drogon::HttpController<void>::registerMethod(&method, pattern, {__VA_ARGS__}, true, #method)
#define ADD_METHOD_TO(method, path, ...) \
  ::drogon::HttpController<void>::registerMethod(&method, path, {__VA_ARGS__}, false, #method)
#define ADD_METHOD_VIA_REGEX(method, regex, ...) \
  ::drogon::HttpController<void>::registerMethodViaRegex(&method, regex, {__VA_ARGS__}, #method)
#define METHOD_LIST_END }
#define PATH_LIST_BEGIN static void initPathRouting() {
#define PATH_ADD(path, ...) ::drogon::HttpSimpleController<void>::registerSelf__(path, {__VA_ARGS__})
#define PATH_LIST_END }
#define WS_PATH_LIST_BEGIN static void initPathRouting() {
#define WS_PATH_ADD(path, ...) ::drogon::WebSocketController<void>::registerSelf__(path, {__VA_ARGS__})
#define WS_PATH_LIST_END }
#endif
)";

// Every web framework's header pulls in the standard library's strings, containers and
// function wrappers; code that includes only the framework relies on that.
constexpr std::string_view kFrameworkStandardHeaders = R"(#pragma once
#if __has_include(<string>)
#include <string>
#endif
#if __has_include(<vector>)
#include <vector>
#endif
#if __has_include(<map>)
#include <map>
#endif
#if __has_include(<functional>)
#include <functional>
#endif
#if __has_include(<memory>)
#include <memory>
#endif
)";

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool isFrameworkHeader(std::string_view includeName) {
  return includeName == "httplib.h" || startsWith(includeName, "crow") || startsWith(includeName, "boost/beast") ||
         startsWith(includeName, "boost/asio") || startsWith(includeName, "drogon/") || includeName == "drogon.h";
}

}  // namespace

std::string_view preludeSource() { return kPrelude; }

std::string fallbackHeaderFor(std::string_view includeName) {
  // Any Drogon header may be the one a controller relies on for these macros.
  std::string header = "#pragma once\n";
  if (isFrameworkHeader(includeName)) header += kFrameworkStandardHeaders;
  // Any Drogon header may be the one a controller relies on for these macros.
  if (startsWith(includeName, "drogon/") || includeName == "drogon.h") header += kDrogonControllerMacros;
  return header;
}

}  // namespace hg::cpp
