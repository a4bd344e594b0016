# helper: imports the main script of not_module_attribute.mt (a cycle)
import not_module_attribute as main
def check():
    print("from main:", main.used() == "s", has_private())
    return "hello"
def has_private():
    try:
        return main.private == 1
    except AttributeError:
        return false
