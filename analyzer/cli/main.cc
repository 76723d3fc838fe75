// Named .cc so the cli library's *.cpp glob leaves it out: the tests link the library, not main.
int main() { return 0; }
