"""test_loader"""
