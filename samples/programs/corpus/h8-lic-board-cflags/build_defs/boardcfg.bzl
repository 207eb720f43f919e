# Board config table (generated from Kconfig, do not edit by hand)
CFG = [("CONFIG_%s_%d" % (g, i), (i * 7) % 13) for g in ("UART", "SPI", "I2C", "DMA", "GPIO", "TIM", "ADC", "CAN") for i in range(40)]

TC = {
    "arm-gcc-12": ("arm-none-eabi-", ["-mthumb", "-mcpu=cortex-m4", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"]),
    "arm-clang-17": ("", ["--target=thumbv7em-none-eabihf", "-mcpu=cortex-m4"]),
    "rv32-gcc-13": ("riscv32-unknown-elf-", ["-march=rv32imac", "-mabi=ilp32"]),
}
