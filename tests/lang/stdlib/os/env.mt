# TEST: os.env is a map of the environment; getenv reads it with a default; setenv/unsetenv and plain assignment change what getenv sees
#> map true nil dflt 0
#> one one true
#> two
#> nil false
#> "" ""
import os
print(type(os.env), os.env["HOME"] == os.getenv("HOME"), os.getenv("MT_NO_SUCH_VAR"), os.getenv("MT_NO_SUCH_VAR", "dflt"), os.getenv(name="MT_NO_SUCH_VAR", default=0))
os.setenv("MT_TEST_A", "one")
print(os.getenv("MT_TEST_A"), os.env["MT_TEST_A"], "MT_TEST_A" in os.env)
os.env["MT_TEST_B"] = "two"
print(os.getenv("MT_TEST_B"))
os.unsetenv("MT_TEST_A")
print(os.getenv("MT_TEST_A"), "MT_TEST_A" in os.env)
os.unsetenv("MT_TEST_A")
os.setenv("MT_TEST_C", "")
print(repr(os.getenv("MT_TEST_C", "unset")), repr(os.env.get("MT_TEST_C")))
