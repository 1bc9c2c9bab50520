"""The Discord adapter: the only package that imports discord. It renders what bot/service.py
answers and adds no search or parsing of its own."""
