#!/usr/bin/env bash
# An example SLURM batch script: every paper at paper scale over Open MPI ranks, resumable.
#
#   sbatch Scripts/slurm-reproduce.sh [IDS...]        (from the repository root, on a shared file system)
#
# The tool must be built with MPI once, on a login node:  REPRODUCE_MPI=1 swift build -c release
# (Debian/Ubuntu: apt-get install libopenmpi-dev openmpi-bin; elsewhere: `module load openmpi`).
# Rank 0 keeps the cell store (.reproduce-store/ under the output folder) and writes the outputs; the
# other ranks only compute cells. If the job is cancelled or hits its time limit, submit it again: the
# cells already stored are not recomputed. Ranks beyond the number of cells have nothing to do (README:
# "Scaling out"), so ask for at most as many tasks as the selection has experiments.
#SBATCH --job-name=cooperationlab
#SBATCH --ntasks=16
#SBATCH --cpus-per-task=2
#SBATCH --time=12:00:00
#SBATCH --output=reproduce-%j.log
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-.}"
# Each rank runs the replicates of its cell on the cores SLURM gave it.
exec mpirun -n "${SLURM_NTASKS:-16}" .build/release/reproduce run "$@" --scale paper --jobs "${SLURM_CPUS_PER_TASK:-2}"
