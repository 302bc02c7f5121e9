#include <loxodon/cli/cli.hpp>

int main(int argc, char** argv) { return lox::cli::run(argc, argv); }
