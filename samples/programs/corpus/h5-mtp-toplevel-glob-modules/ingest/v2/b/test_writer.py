"""test_writer"""
